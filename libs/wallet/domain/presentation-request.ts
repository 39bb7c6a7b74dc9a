import { createHash, randomBytes } from 'node:crypto';
import type { FieldProblem } from '../../platform/errors/app-error';
import { SD_JWT_VCT_PATH } from '../../credentials/domain/sd-jwt-vc';
import type { Check, VerificationReport } from '../../credentials/domain/verification';

/** What an employer asks a wallet for, before it becomes a DCQL query. */
export type PresentationKind = 'DIPLOMA' | 'LEARNING_UNIT';

export interface PresentationRequestSpec {
  kind: PresentationKind;
  /** Diploma: the catalogue key of the qualification (achievement.specifiedBy.catalogueKey). */
  qualificationKey?: string | null;
  /** Learning unit: the programme (achievement.specifiedBy.programme). */
  programme?: string | null;
  /** Claim paths, dotted: givenName, familyName, dateOfBirth, achievement.specifiedBy.title, … */
  fields: string[];
  jurisdiction: string;
  profession?: string | null;
  validForMinutes?: number | null;
}

export const DEFAULT_REQUEST_TTL_MINUTES = 10;
export const MAX_REQUEST_TTL_MINUTES = 24 * 60;
export const MAX_FIELDS = 20;
/** Top-level claims of the service's SD-JWT VCs a request may name; the holder key and status are not fields. */
export const REQUESTABLE_CLAIMS = ['givenName', 'familyName', 'dateOfBirth', 'achievement'] as const;
const SEGMENT = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export const KIND_TYPE: Record<PresentationKind, string> = { DIPLOMA: 'DiplomaCredential', LEARNING_UNIT: 'LearningUnitCredential' };
/** The DCQL credential query id: the key of the presentation in vp_token. */
export const KIND_QUERY_ID: Record<PresentationKind, string> = { DIPLOMA: 'diploma', LEARNING_UNIT: 'learning_unit' };
/** The claim that says which qualification or programme a credential is for, and is always asked for. */
const SUBJECT_PATH: Record<PresentationKind, string[]> = { DIPLOMA: ['achievement', 'specifiedBy', 'catalogueKey'], LEARNING_UNIT: ['achievement', 'specifiedBy', 'programme'] };

export interface DcqlQuery {
  credentials: Array<{
    id: string;
    format: 'dc+sd-jwt';
    meta: { vct_values: string[] };
    require_cryptographic_holder_binding: true;
    claims: Array<{ path: string[]; values?: string[] }>;
  }>;
}

/** The problems of a request, each naming its field (empty when it is fine). */
export function requestProblems(spec: PresentationRequestSpec): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(spec.kind in KIND_TYPE)) problems.push({ field: 'input.kind', message: 'must be DIPLOMA or LEARNING_UNIT' });
  if (spec.kind === 'DIPLOMA' && spec.programme) problems.push({ field: 'input.programme', message: 'is for LEARNING_UNIT requests; a diploma names a qualificationKey' });
  if (spec.kind === 'LEARNING_UNIT' && spec.qualificationKey) problems.push({ field: 'input.qualificationKey', message: 'is for DIPLOMA requests; a learning unit names a programme' });
  for (const [name, v] of [['qualificationKey', spec.qualificationKey], ['programme', spec.programme]] as const) {
    if (v !== undefined && v !== null && (typeof v !== 'string' || !v.trim() || v.length > 200)) problems.push({ field: `input.${name}`, message: 'must be a non-empty string of at most 200 characters' });
  }
  if (!Array.isArray(spec.fields) || !spec.fields.length) problems.push({ field: 'input.fields', message: 'needs at least one claim path' });
  else if (spec.fields.length > MAX_FIELDS) problems.push({ field: 'input.fields', message: `at most ${MAX_FIELDS} claim paths` });
  else {
    spec.fields.forEach((f, i) => {
      const segments = typeof f === 'string' ? f.split('.') : [];
      if (!segments.length || !segments.every((s) => SEGMENT.test(s))) problems.push({ field: `input.fields[${i}]`, message: 'must be a dotted claim path such as givenName or achievement.specifiedBy.title' });
      else if (!(REQUESTABLE_CLAIMS as readonly string[]).includes(segments[0])) problems.push({ field: `input.fields[${i}]`, message: `must start with one of ${REQUESTABLE_CLAIMS.join(', ')}` });
      else if (spec.fields.indexOf(f) !== i) problems.push({ field: `input.fields[${i}]`, message: 'is listed twice' });
    });
  }
  if (typeof spec.jurisdiction !== 'string' || !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(spec.jurisdiction)) problems.push({ field: 'input.jurisdiction', message: 'must be a jurisdiction code such as DE-NW' });
  const ttl = spec.validForMinutes ?? DEFAULT_REQUEST_TTL_MINUTES;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_REQUEST_TTL_MINUTES) problems.push({ field: 'input.validForMinutes', message: `must be a whole number from 1 to ${MAX_REQUEST_TTL_MINUTES}` });
  return problems;
}

/**
 * The DCQL query of a request: one dc+sd-jwt credential of the kind's vct, bound to the holder's key, with the
 * requested claims and the qualification (or programme) claim, restricted to the value asked for when one is.
 */
export function dcqlQueryOf(spec: PresentationRequestSpec, baseUrl: string): DcqlQuery {
  const subjectPath = SUBJECT_PATH[spec.kind];
  const wanted = spec.kind === 'DIPLOMA' ? spec.qualificationKey : spec.programme;
  const claims: DcqlQuery['credentials'][number]['claims'] = [{ path: subjectPath, ...(wanted ? { values: [wanted] } : {}) }];
  for (const f of spec.fields) {
    const path = f.split('.');
    if (path.join('.') !== subjectPath.join('.')) claims.push({ path });
  }
  return {
    credentials: [
      {
        id: KIND_QUERY_ID[spec.kind],
        format: 'dc+sd-jwt',
        meta: { vct_values: [`${baseUrl}${SD_JWT_VCT_PATH[KIND_TYPE[spec.kind]]}`] },
        require_cryptographic_holder_binding: true,
        claims,
      },
    ],
  };
}

export type PresentationStatus = 'PENDING' | 'VERIFIED' | 'REFUSED' | 'EXPIRED';

/** What the employer reads: the outcome, and from the presentation only the fields asked for. */
export interface PresentationOutcome {
  status: 'VERIFIED' | 'REFUSED';
  reason: string | null;
  message: string | null;
  /** The requested claims that were disclosed, nested as in the credential; nothing else. */
  disclosed: Record<string, unknown>;
  /** Claim paths asked for but not disclosed. */
  missing: string[];
}

function valueAt(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function setAt(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = obj;
  for (const p of path.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
  cur[path[path.length - 1]] = value;
}

/** Only the requested paths of the disclosed claims. */
export function pickFields(claims: Record<string, unknown> | null, fields: string[]): { disclosed: Record<string, unknown>; missing: string[] } {
  const disclosed: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const f of fields) {
    const v = claims ? valueAt(claims, f.split('.')) : undefined;
    if (v === undefined) missing.push(f);
    else setAt(disclosed, f.split('.'), structuredClone(v));
  }
  return { disclosed, missing };
}

/**
 * The outcome of a presentation: refused on the first failed validity check (the report's `verified`), when the
 * credential is for another qualification or programme than asked, or when a requested field was withheld.
 * Trust (issuer, accreditation) is reported, not a refusal: the employer weighs it.
 */
export function presentationOutcome(spec: PresentationRequestSpec, report: Pick<VerificationReport, 'verified' | 'checks'>, claims: Record<string, unknown> | null): PresentationOutcome {
  const { disclosed, missing } = pickFields(claims, spec.fields);
  const refuse = (reason: string, message: string): PresentationOutcome => ({ status: 'REFUSED', reason, message, disclosed: {}, missing });
  if (!report.verified) {
    const failed = report.checks.find((c: Check) => c.status === 'FAIL' && ['FORMAT', 'SCHEMA', 'PROOF', 'KEY_BINDING', 'STATUS', 'VALIDITY'].includes(c.check));
    return refuse(failed?.reason ?? 'NOT_VERIFIED', failed ? `${failed.check}: ${failed.message}` : 'the presentation did not verify');
  }
  const wanted = spec.kind === 'DIPLOMA' ? spec.qualificationKey : spec.programme;
  const got = valueAt(claims, SUBJECT_PATH[spec.kind]);
  if (wanted && got !== wanted) return refuse(spec.kind === 'DIPLOMA' ? 'QUALIFICATION_MISMATCH' : 'PROGRAMME_MISMATCH', `the credential is for ${JSON.stringify(got)}, not ${JSON.stringify(wanted)}`);
  if (missing.length) return refuse('FIELDS_NOT_DISCLOSED', `requested fields not disclosed: ${missing.join(', ')}`);
  return { status: 'VERIFIED', reason: null, message: null, disclosed, missing: [] };
}

/** A pending request past its expiry reads as EXPIRED; answered ones keep their outcome. */
export function presentationStatus(row: { status: string; expires_at: Date }, now: Date): PresentationStatus {
  if (row.status === 'PENDING' && row.expires_at.getTime() <= now.getTime()) return 'EXPIRED';
  return row.status as PresentationStatus;
}

export function newNonce(): string {
  return randomBytes(32).toString('base64url');
}

/** A short fingerprint of a vp_token for the audit log (the presentation itself holds personal data). */
export function vpTokenDigest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body ?? null)).digest('base64url').slice(0, 22);
}
