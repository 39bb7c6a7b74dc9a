import { stableStringify } from '../../../catalogue/domain/qualification-text';
import type { Actor } from '../../../platform/auth/actor';
import { jurisdictionInScope } from '../../../platform/auth/actor';
import type { CompanyRecognition, LearningCompany } from './learning-company.schema';

export interface HostQuery {
  /** The learning unit's programme. */
  programme: string | null;
  startDate: string;
  endDate: string;
  /** The jurisdiction of the institution that awards the unit: its country's view decides. */
  issuerJurisdiction: string | null;
}

export type HostReason = 'HOST_RECOGNISED' | 'HOST_RECOGNISED_ABROAD_ONLY' | 'HOST_NOT_RECOGNISED';

export interface HostRecognition {
  recognised: boolean;
  reason: HostReason;
  message: string;
}

const country = (j: string) => j.slice(0, 2);
const covers = (r: CompanyRecognition, programme: string | null) => (!r.programmes.length && !r.qualificationKeys.length) || (!!programme && r.programmes.includes(programme));
const throughout = (p: { validFrom: string; validUntil?: string }, q: HostQuery) => p.validFrom <= q.startDate && (!p.validUntil || p.validUntil >= q.endDate);
const bodyText = (b: { name: string; jurisdiction: string }) => `${b.name} (${b.jurisdiction})`;

/**
 * Whether a company was recognised to host the activity: a recognition covering the programme, valid for the
 * whole activity. From the awarding country's view it counts when its own body recognised the company, or when
 * that body accepted the foreign recognition for the whole activity. Pure.
 */
export function hostRecognition(c: LearningCompany, q: HostQuery): HostRecognition {
  const period = `${q.startDate} – ${q.endDate}`;
  const valid = c.recognitions.filter((r) => covers(r, q.programme) && throughout(r, q));
  if (!valid.length) {
    return { recognised: false, reason: 'HOST_NOT_RECOGNISED', message: `${c.name} (${c.jurisdiction}) had no recognition as a learning company covering ${q.programme ? `programme "${q.programme}"` : 'this activity'} throughout ${period}` };
  }
  const home = q.issuerJurisdiction ? country(q.issuerJurisdiction) : null;
  for (const r of valid) {
    if (!home || country(r.recognisingBody.jurisdiction) === home) {
      return { recognised: true, reason: 'HOST_RECOGNISED', message: `${c.name} (${c.jurisdiction}) was recognised by ${bodyText(r.recognisingBody)} throughout ${period}` };
    }
    const acceptance = r.acceptedBy.find((a) => country(a.body.jurisdiction) === home && throughout(a, q));
    if (acceptance) {
      return {
        recognised: true,
        reason: 'HOST_RECOGNISED',
        message: `${c.name} (${c.jurisdiction}) was recognised by ${bodyText(r.recognisingBody)}, accepted by ${bodyText(acceptance.body)}, throughout ${period}`,
      };
    }
  }
  const r = valid[0];
  return {
    recognised: false,
    reason: 'HOST_RECOGNISED_ABROAD_ONLY',
    message: `${c.name} (${c.jurisdiction}) was recognised by ${bodyText(r.recognisingBody)} throughout ${period}, but no body of ${home} had accepted that recognition`,
  };
}

/** Jurisdictions a company entry speaks for: the company's own, each recognising body's and each accepting body's. */
export function recognitionJurisdictions(r: CompanyRecognition): string[] {
  return [r.recognisingBody.jurisdiction, ...r.acceptedBy.map((a) => a.body.jurisdiction)];
}

/**
 * What an expert may change: recognitions (and acceptances) by bodies of their own jurisdictions. The company's
 * name and place need an expert of the company's jurisdiction; a new company may also be entered by an expert
 * whose body recognises or accepts it. Returns why not, or null.
 */
export function editRefusal(actor: Actor, before: LearningCompany | null, after: LearningCompany): string | null {
  if (actor.role === 'admin') return null;
  if (actor.role !== 'expert') return `role "${actor.role}" may not maintain the learning-company registry`;
  const mine = (j: string) => jurisdictionInScope(actor.jurisdictions, j);
  const scope = actor.jurisdictions.join(', ') || 'no jurisdiction';
  // Stable: a stored document's keys come back from jsonb in another order.
  const foreignPart = (c: LearningCompany | null) =>
    stableStringify(
      (c?.recognitions ?? [])
        .map((r) => ({ ...r, acceptedBy: r.acceptedBy.filter((a) => !mine(a.body.jurisdiction)) }))
        .filter((r) => !mine(r.recognisingBody.jurisdiction) || r.acceptedBy.length)
        .map((r) => (mine(r.recognisingBody.jurisdiction) ? { recognisingBody: r.recognisingBody, acceptedBy: r.acceptedBy } : r))
        .map((r) => stableStringify(r))
        .sort(),
    );
  if (before) {
    if ((before.name !== after.name || before.jurisdiction !== after.jurisdiction || before.location !== after.location) && !mine(before.jurisdiction)) {
      return `an expert for ${scope} may not change the name or place of a company in ${before.jurisdiction}`;
    }
  } else if (!mine(after.jurisdiction) && !after.recognitions.some((r) => recognitionJurisdictions(r).some(mine))) {
    return `an expert for ${scope} may not enter a company of ${after.jurisdiction} that no body of theirs recognises or accepts`;
  }
  if (foreignPart(before) !== foreignPart(after)) return `an expert for ${scope} may change only recognitions and acceptances by bodies of their own jurisdiction`;
  return null;
}
