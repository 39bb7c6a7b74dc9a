import { Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { adviceForVerification, RecognitionService } from '../recognition/recognition.service';
import type { RouteAdvice } from '../recognition/domain/advise';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { DEFAULT_REQUEST_TTL_MINUTES, PresentationRequestSpec, presentationStatus, PresentationStatus, requestProblems } from './domain/presentation-request';
import { Oid4vpService } from './oid4vp.service';
import { PresentationRequestRepository } from './persistence/presentation-request.repository';

export interface CreatedPresentationRequest {
  id: string;
  requestUri: string;
  dcqlQuery: unknown;
  expiresAt: Date;
  status: PresentationStatus;
}

export interface PresentationResult {
  id: string;
  status: PresentationStatus;
  reason: string | null;
  message: string | null;
  kind: string;
  jurisdiction: string;
  profession: string | null;
  createdAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
  disclosed: Record<string, unknown> | null;
  issuer: { did: string; name: string | null; jurisdiction: string | null } | null;
  qualification: Record<string, unknown> | null;
  verification: (Record<string, unknown> & { qualificationId: string | null; advice: RouteAdvice | null; adviceNote: string | null }) | null;
}

/** Employers' presentation requests: who may create and read them, input checks, the result with advice. */
@Injectable()
export class PresentationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly oid4vp: Oid4vpService,
    private readonly repo: PresentationRequestRepository,
    private readonly recognition: RecognitionService,
  ) {}

  async create(actor: Actor, spec: PresentationRequestSpec): Promise<CreatedPresentationRequest> {
    if (actor.role !== 'employer' && actor.role !== 'admin') throw AppError.forbidden(`role "${actor.role}" may not request presentations; employers do`);
    const problems = requestProblems(spec);
    if (!problems.length && !(await this.dataSource.query('SELECT 1 FROM jurisdiction WHERE code = $1', [spec.jurisdiction])).length) {
      problems.push({ field: 'input.jurisdiction', message: `unknown jurisdiction "${spec.jurisdiction}"` });
    }
    if (!problems.length && spec.profession && !(await this.dataSource.query('SELECT 1 FROM profession WHERE key = $1', [spec.profession])).length) {
      problems.push({ field: 'input.profession', message: `unknown profession "${spec.profession}"` });
    }
    if (problems.length) throw AppError.badInput(problems);
    const expiresAt = new Date(Date.now() + (spec.validForMinutes ?? DEFAULT_REQUEST_TTL_MINUTES) * 60_000);
    const clean: PresentationRequestSpec = {
      kind: spec.kind,
      qualificationKey: spec.qualificationKey ?? null,
      programme: spec.programme ?? null,
      fields: [...spec.fields],
      jurisdiction: spec.jurisdiction,
      profession: spec.profession ?? null,
      validForMinutes: spec.validForMinutes ?? DEFAULT_REQUEST_TTL_MINUTES,
    };
    return { ...(await this.oid4vp.create(actor, clean, expiresAt)), status: 'PENDING' };
  }

  /** Only the employer who made the request, or an admin, reads its result. */
  async result(actor: Actor, id: string): Promise<PresentationResult> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw AppError.badInput([{ field: 'id', message: 'must be the id of a presentation request (a UUID)' }]);
    const row = await this.repo.byId(id);
    if (!row) throw AppError.notFound('presentation request', id);
    if (actor.role !== 'admin' && row.created_by !== actor.subject) throw AppError.forbidden('only the employer who created a presentation request, or an admin, may read its result');
    const r = (row.result ?? {}) as Record<string, any>;
    let verification: PresentationResult['verification'] = null;
    if (r.report) {
      const { advice, adviceNote } = await adviceForVerification(this.recognition, r.report.valid === true && row.status === 'VERIFIED', r.qualificationId ?? null, {
        jurisdiction: row.spec.jurisdiction,
        profession: row.spec.profession,
      });
      verification = { ...r.report, qualificationId: r.qualificationId ?? null, advice, adviceNote };
    }
    return {
      id: row.id,
      status: presentationStatus(row, new Date()),
      reason: row.reason,
      message: r.message ?? null,
      kind: row.kind,
      jurisdiction: row.spec.jurisdiction,
      profession: row.spec.profession ?? null,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      answeredAt: row.answered_at,
      disclosed: r.disclosed ?? null,
      issuer: r.issuer ?? null,
      qualification: r.qualification ?? null,
      verification,
    };
  }
}

/** QR codes of a request URI, drawn when asked for. */
export function requestQr(uri: string, type: 'svg' | 'png'): Promise<string> {
  return type === 'svg' ? QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : QRCode.toDataURL(uri, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2 });
}
