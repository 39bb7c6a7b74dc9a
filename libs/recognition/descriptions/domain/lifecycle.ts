import { jurisdictionInScope, type Actor } from '../../../platform/auth/actor';
import { countryOf, type BinationalDescription, type DescriptionLang, type DescriptionSide, type DescriptionText } from './description.schema';

export const DESCRIPTION_STATUSES = ['DRAFT', 'PUBLISHED', 'SUPERSEDED'] as const;
export type DescriptionStatus = (typeof DESCRIPTION_STATUSES)[number];

export interface Approval {
  approver: string;
  /** The country (side) this approval counts for. */
  country: string;
}

/** Countries of the sides that no approval covers yet; publication waits until none is left. */
export function pendingCountries(d: Pick<BinationalDescription, 'sides'>, approvals: readonly Approval[]): string[] {
  const done = new Set(approvals.map((a) => a.country));
  return d.sides.map((s) => countryOf(s.jurisdiction)).filter((c) => !done.has(c));
}

/** An expert may see a draft, draft a version and approve only for the sides inside their scope. */
export const sidesInScope = (actor: Actor, d: Pick<BinationalDescription, 'sides'>): DescriptionSide[] => d.sides.filter((s) => jurisdictionInScope(actor.jurisdictions, s.jurisdiction));

export type ApprovalCheck = { ok: true; country: string } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; reason: string };

/**
 * Which side an expert's approval counts for. Never the author (so the author's own country needs a second
 * expert), one approval per expert, and for a side in the expert's scope that has none yet.
 */
export function approvalFor(actor: Actor, d: Pick<BinationalDescription, 'sides'>, author: string, approvals: readonly Approval[]): ApprovalCheck {
  if (actor.role !== 'expert') return { ok: false, code: 'FORBIDDEN', reason: `approval needs an expert of each country involved; role "${actor.role}" may not approve` };
  if (actor.subject === author) return { ok: false, code: 'FORBIDDEN', reason: 'the author of a description may not approve it; experts of each country involved must' };
  if (approvals.some((a) => a.approver === actor.subject)) return { ok: false, code: 'CONFLICT', reason: 'you have already approved this description' };
  const mine = sidesInScope(actor, d).map((s) => countryOf(s.jurisdiction));
  if (!mine.length) return { ok: false, code: 'FORBIDDEN', reason: `an expert for ${actor.jurisdictions.join(', ') || 'no jurisdiction'} may not approve a description of ${d.sides.map((s) => s.jurisdiction).join(' and ')}` };
  const open = pendingCountries(d, approvals).filter((c) => mine.includes(c));
  if (!open.length) return { ok: false, code: 'CONFLICT', reason: `${mine.join(', ')} has already approved; the other country must` };
  return { ok: true, country: open[0] };
}

/** The text in the language asked for, else English, Dutch, German. */
export function textFor(d: Pick<BinationalDescription, 'content'>, lang: DescriptionLang): { lang: DescriptionLang; text: DescriptionText } {
  for (const l of [lang, 'en', 'nl', 'de'] as const) {
    const text = d.content[l];
    if (text) return { lang: l, text };
  }
  throw new Error('a description has at least one language');
}

export interface CoverQuery {
  qualificationKey: string;
  qualificationJurisdiction: string;
  professions: readonly string[];
  destination: string;
}

const related = (a: string, b: string) => jurisdictionInScope([a], b) || jurisdictionInScope([b], a);

/**
 * Whether a description covers a holder's qualification going to a destination: one side names the
 * qualification (or one of its professions) in its country, the other side is the destination, a part of
 * it or the whole of which it is a part (DE covers DE-NW; DE-NW is cited when DE is asked).
 */
export function covers(d: Pick<BinationalDescription, 'sides'>, q: CoverQuery): boolean {
  return d.sides.some((from, i) => {
    const to = d.sides[1 - i];
    const names = from.qualificationKeys.includes(q.qualificationKey) || from.professions.some((p) => q.professions.includes(p));
    return names && related(from.jurisdiction, q.qualificationJurisdiction) && related(to.jurisdiction, q.destination);
  });
}
