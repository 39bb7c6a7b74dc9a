import type { FieldProblem } from '../../platform/errors/app-error';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from './constants';
import { DocumentRefused, isBundledContext } from './document-loader';

/**
 * The W3C VC Data Model rules (1.1 and 2.0) that hold for any credential, whatever its type: checked on what a
 * school asks to sign and on what a verifier is given. Pure; the JSON-LD processing (signing, proofs) then
 * catches what only expansion can (undefined terms, redefined protected terms).
 */
export type DataModelCode = 'SCHEMA_MISMATCH' | 'UNKNOWN_CONTEXT';
export interface DataModelProblem extends FieldProblem {
  code: DataModelCode;
}

export type VcVersion = '1.1' | '2.0';

/** XML Schema dateTimeStamp: a date, a time and a time zone. */
const DATE_TIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
/** A URL in the broad sense the data model uses: a scheme, a colon, no white space. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\S+$/i;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

export function vcVersionOf(c: unknown): VcVersion | null {
  const ctx = isObject(c) ? c['@context'] : undefined;
  const first = Array.isArray(ctx) ? ctx[0] : ctx;
  return first === VC_V2_CONTEXT ? '2.0' : first === VC_V1_CONTEXT ? '1.1' : null;
}

export interface DataModelOptions {
  /** Field name of the credential in messages ("credential", "verifiableCredential"). */
  root: string;
  /** An unsigned credential (to be issued) must not carry a proof. */
  unsigned?: boolean;
}

export function dataModelProblems(c: unknown, o: DataModelOptions): DataModelProblem[] {
  const out: DataModelProblem[] = [];
  const bad = (field: string, message: string, code: DataModelCode = 'SCHEMA_MISMATCH') => out.push({ field: field ? `${o.root}.${field}` : o.root, message, code });
  if (!isObject(c)) {
    bad('', 'must be a JSON object');
    return out;
  }
  const ctx = c['@context'];
  const version = vcVersionOf(c);
  if (!Array.isArray(ctx) || ctx.length === 0) bad('@context', 'must be a non-empty array');
  else {
    if (!version) bad('@context[0]', `must be ${VC_V2_CONTEXT} (VC 2.0) or ${VC_V1_CONTEXT} (VC 1.1)`);
    ctx.forEach((entry, i) => {
      if (typeof entry === 'string') {
        if (!isBundledContext(entry)) bad(`@context[${i}]`, new DocumentRefused('UNKNOWN_CONTEXT', entry).message, 'UNKNOWN_CONTEXT');
      } else if (!isObject(entry)) bad(`@context[${i}]`, 'must be a URL or an object');
    });
  }
  const type = c.type;
  if (typeof type === 'string' ? type !== 'VerifiableCredential' : !Array.isArray(type) || !type.every((t) => typeof t === 'string') || !type.includes('VerifiableCredential')) {
    bad('type', 'must be an array of strings that includes "VerifiableCredential"');
  }
  if (c.id !== undefined && !(typeof c.id === 'string' && URL_LIKE.test(c.id))) bad('id', 'must be a URL');
  const issuer = c.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isObject(issuer) ? issuer.id : undefined;
  if (issuer === undefined) bad('issuer', 'is required');
  else if (!(typeof issuerId === 'string' && URL_LIKE.test(issuerId))) bad('issuer', 'must be a URL or an object with a URL "id"');
  if (isObject(issuer)) languageValue(issuer.name, 'issuer.name', bad);

  const subjects = c.credentialSubject;
  if (subjects === undefined) bad('credentialSubject', 'is required');
  else if (!(isObject(subjects) || (Array.isArray(subjects) && subjects.length > 0 && subjects.every(isObject)))) {
    bad('credentialSubject', 'must be an object or a non-empty array of objects');
  } else {
    asList(subjects).forEach((s, i) => {
      const field = Array.isArray(subjects) ? `credentialSubject[${i}]` : 'credentialSubject';
      if (Object.keys(s as object).length === 0) bad(field, 'must make at least one claim');
      const id = (s as Record<string, unknown>).id;
      if (id !== undefined && !(typeof id === 'string' && URL_LIKE.test(id))) bad(`${field}.id`, 'must be a URL');
    });
  }

  if (version === '1.1') {
    if (o.unsigned ? c.issuanceDate !== undefined && !isDateTime(c.issuanceDate) : !isDateTime(c.issuanceDate)) bad('issuanceDate', 'must be an XML Schema date-time with a time zone (required in VC 1.1)');
    if (c.expirationDate !== undefined && !isDateTime(c.expirationDate)) bad('expirationDate', 'must be an XML Schema date-time with a time zone');
  } else {
    for (const f of ['validFrom', 'validUntil'] as const) if (c[f] !== undefined && !isDateTime(c[f])) bad(f, 'must be an XML Schema date-time with a time zone');
    if (isDateTime(c.validFrom) && isDateTime(c.validUntil) && Date.parse(c.validUntil as string) < Date.parse(c.validFrom as string)) bad('validUntil', 'must not be earlier than validFrom');
  }
  languageValue(c.name, 'name', bad);
  languageValue(c.description, 'description', bad);

  typedEntries(c.credentialStatus, 'credentialStatus', bad, { idUrl: true });
  typedEntries(c.credentialSchema, 'credentialSchema', bad, { idRequired: true });
  typedEntries(c.refreshService, 'refreshService', bad, {});
  typedEntries(c.termsOfUse, 'termsOfUse', bad, {});
  typedEntries(c.evidence, 'evidence', bad, {});
  if (c.relatedResource !== undefined) {
    const seen = new Set<string>();
    asList(c.relatedResource).forEach((r, i) => {
      const field = Array.isArray(c.relatedResource) ? `relatedResource[${i}]` : 'relatedResource';
      if (!isObject(r) || typeof r.id !== 'string' || !URL_LIKE.test(r.id)) bad(field, 'must be an object with a URL "id"');
      else if (typeof r.digestSRI !== 'string' && typeof r.digestMultibase !== 'string') bad(field, 'must carry "digestSRI" or "digestMultibase"');
      else if (seen.has(r.id)) bad(`${field}.id`, 'must be unique among the related resources');
      else seen.add(r.id);
    });
  }
  if (o.unsigned && c.proof !== undefined) bad('proof', 'an unsigned credential must not carry a proof; the service signs it');
  return out;
}

export function isDateTime(v: unknown): boolean {
  return typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));
}

/** A string, a language value object ({"@value", "@language"}) or an array of these. */
function languageValue(v: unknown, field: string, bad: (f: string, m: string) => void) {
  if (v === undefined) return;
  const ok = (x: unknown) => typeof x === 'string' || (isObject(x) && typeof x['@value'] === 'string' && (x['@language'] === undefined || typeof x['@language'] === 'string'));
  if (!asList(v).every(ok)) bad(field, 'must be a string or a language value object ({"@value", "@language"})');
}

/** Entries that each need a type (and, for some properties, an id). */
function typedEntries(v: unknown, field: string, bad: (f: string, m: string) => void, o: { idRequired?: boolean; idUrl?: boolean }) {
  if (v === undefined) return;
  const list = asList(v);
  list.forEach((e, i) => {
    const f = Array.isArray(v) ? `${field}[${i}]` : field;
    if (!isObject(e)) return bad(f, 'must be an object');
    const t = e.type;
    if (!(typeof t === 'string' || (Array.isArray(t) && t.length > 0 && t.every((x) => typeof x === 'string')))) bad(`${f}.type`, 'is required (a string or array of strings)');
    if (o.idRequired && typeof e.id !== 'string') bad(`${f}.id`, 'is required');
    if (e.id !== undefined && !(typeof e.id === 'string' && URL_LIKE.test(e.id))) bad(`${f}.id`, 'must be a URL');
  });
}
