import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../platform/audit/audit.service';
import { Actor, jurisdictionInScope } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { CredentialsRepository } from './persistence/credentials.repository';
import { AccreditationRow } from './persistence/rows';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const AccreditationInputSchema = z
  .object({
    institutionId: z.string().min(2).max(63),
    scope: z.enum(['QUALIFICATION', 'LEARNING_UNIT_PROGRAMME']),
    qualificationKey: z.string().min(1).max(120).optional(),
    qualificationCode: z.string().min(1).max(60).optional(),
    qualificationJurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/).optional(),
    programme: z.string().min(1).max(200).optional(),
    sourceUrl: z.url({ protocol: /^https?$/ }),
    validFrom: isoDate,
    validUntil: isoDate.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.scope === 'QUALIFICATION' && !a.qualificationKey && !(a.qualificationCode && a.qualificationJurisdiction)) {
      ctx.addIssue({ code: 'custom', path: ['qualificationKey'], message: 'a qualification accreditation needs qualificationKey, or qualificationCode with qualificationJurisdiction' });
    }
    if (a.scope === 'LEARNING_UNIT_PROGRAMME' && !a.programme) ctx.addIssue({ code: 'custom', path: ['programme'], message: 'a learning-unit accreditation needs programme' });
    if (a.validUntil && a.validUntil < a.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
  });
export type AccreditationInput = z.infer<typeof AccreditationInputSchema>;

export type AccreditationTarget = { qualification: { key: string; code?: string | null; jurisdiction: string } } | { programme: string };

export interface AccreditationCheck {
  ok: boolean;
  reason: string;
  accreditationId?: string;
}

/** Which qualifications or learning-unit programmes an institution may award, and since when. */
@Injectable()
export class AccreditationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly audit: AuditService,
  ) {}

  /** `tx` lets a caller (the demo seed) record several accreditations in one transaction. */
  async record(actor: Actor, input: unknown, tx?: EntityManager): Promise<AccreditationRow> {
    const a = parseOrThrow(AccreditationInputSchema, input, 'input');
    const work = async (m: EntityManager) => {
      const inst = await this.repo.institution(a.institutionId, m);
      if (!inst) throw AppError.notFound('institution', a.institutionId);
      if (actor.role === 'expert' && !jurisdictionInScope(actor.jurisdictions, inst.jurisdiction_code)) {
        throw AppError.forbidden(`an expert for ${actor.jurisdictions.join(', ')} may not accredit an institution of ${inst.jurisdiction_code}`);
      }
      if (actor.role !== 'expert' && actor.role !== 'admin') throw AppError.forbidden('only experts and admins record accreditations');
      if (a.qualificationKey) {
        const q = await m.query('SELECT 1 FROM qualification WHERE key = $1', [a.qualificationKey]);
        if (!q.length) throw AppError.badInput([{ field: 'input.qualificationKey', message: `unknown qualification "${a.qualificationKey}"` }]);
      }
      const id = await this.repo.insertAccreditation(m, {
        institution_id: a.institutionId,
        scope: a.scope,
        qualification_key: a.qualificationKey ?? null,
        qualification_code: a.qualificationCode ?? null,
        qualification_jurisdiction: a.qualificationJurisdiction ?? null,
        programme: a.programme ?? null,
        source_url: a.sourceUrl,
        valid_from: a.validFrom,
        valid_until: a.validUntil ?? null,
        note: a.note ?? null,
        created_by: actor.subject,
      });
      await this.audit.record(m, actor, { action: 'accreditation.record', entityType: 'accreditation', entityId: id, before: null, after: a });
      return (await this.repo.accreditationsOf(a.institutionId, m)).find((r) => r.id === id)!;
    };
    return tx ? work(tx) : this.dataSource.transaction(work);
  }

  list(institutionId: string) {
    return this.repo.accreditationsOf(institutionId);
  }

  async check(institutionId: string, target: AccreditationTarget, at: Date, m?: EntityManager): Promise<AccreditationCheck> {
    return matchAccreditation(await this.repo.accreditationsOf(institutionId, m), institutionId, target, at);
  }
}

/** Does one of the institution's accreditations cover the target on that day? */
export function matchAccreditation(rows: readonly AccreditationRow[], institutionId: string, target: AccreditationTarget, at: Date): AccreditationCheck {
  const day = at.toISOString().slice(0, 10);
  const match = rows.find((r) => {
    if (r.valid_from > day || (r.valid_until && r.valid_until < day)) return false;
    if ('programme' in target) return r.scope === 'LEARNING_UNIT_PROGRAMME' && r.programme === target.programme;
    const q = target.qualification;
    return r.scope === 'QUALIFICATION' && (r.qualification_key === q.key || (!!q.code && r.qualification_code === q.code && r.qualification_jurisdiction === q.jurisdiction));
  });
  if (match) return { ok: true, reason: 'ACCREDITED', accreditationId: match.id };
  const what = 'programme' in target ? `learning-unit programme "${target.programme}"` : `qualification "${target.qualification.key}"`;
  return { ok: false, reason: `institution "${institutionId}" is not accredited to award ${what} on ${day}` };
}
