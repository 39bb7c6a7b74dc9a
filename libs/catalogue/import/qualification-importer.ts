import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Actor } from '../../platform/auth/actor';
import { AppError, FieldProblem } from '../../platform/errors/app-error';
import { QualificationService } from '../qualification.service';

export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

export interface ImportReport {
  file: string;
  ok: boolean;
  key?: string;
  created?: boolean;
  changed?: boolean;
  code?: string;
  problems?: FieldProblem[];
  message?: string;
}

/** Imports qualification files; each file is one transaction, so an invalid file writes nothing. */
@Injectable()
export class QualificationImporter {
  constructor(private readonly qualifications: QualificationService) {}

  /** Expands files and directories (non-recursive) into a sorted list of .json files. */
  listFiles(paths: string[]): string[] {
    const out: string[] = [];
    for (const p of paths) {
      const abs = resolve(p);
      const st = statSync(abs);
      if (st.isDirectory()) {
        out.push(
          ...readdirSync(abs)
            .filter((f) => extname(f) === '.json')
            .sort()
            .map((f) => join(abs, f)),
        );
      } else {
        out.push(abs);
      }
    }
    return out;
  }

  async importFiles(files: string[], actor: Actor, onFile?: (report: ImportReport) => void): Promise<ImportReport[]> {
    const reports: ImportReport[] = [];
    for (const file of files) {
      const report = await this.importFile(file, actor);
      reports.push(report);
      onFile?.(report);
    }
    return reports;
  }

  async importFile(file: string, actor: Actor): Promise<ImportReport> {
    let document: unknown;
    try {
      const size = statSync(file).size;
      if (size > MAX_IMPORT_FILE_BYTES) {
        return { file, ok: false, code: 'BAD_USER_INPUT', message: `file is ${size} bytes; the limit is ${MAX_IMPORT_FILE_BYTES}` };
      }
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      return { file, ok: false, code: 'BAD_USER_INPUT', message: `not readable JSON: ${(e as Error).message}`, problems: [{ field: '(root)', message: (e as Error).message }] };
    }
    try {
      const r = await this.qualifications.upsert(actor, document, '');
      return { file, ok: true, key: r.key, created: r.created, changed: r.changed };
    } catch (e) {
      if (e instanceof AppError) return { file, ok: false, code: e.code, message: e.message, problems: e.problems };
      // Anything else (e.g. PostgreSQL rejecting a value the schema let through) rolled back this file's
      // transaction; report it for this file and go on with the next one instead of aborting the run.
      return { file, ok: false, code: 'INTERNAL_SERVER_ERROR', message: `could not be stored: ${(e as Error).message}` };
    }
  }
}
