import { jurisdictionInScope } from '../../platform/auth/actor';
import { type AdviceLang, msg } from './messages';
import type { RuleEvaluation } from './rules';

export type Verdict = 'FULL' | 'PARTIAL' | 'NONE';

/** A published expert decision on the (holder, reference) pair, with what is needed to cite it by title and date. */
export interface DecisionBasis {
  id: string;
  verdict: Verdict;
  rationale: string;
  compensation: string[];
  destinationJurisdiction: string;
  /** ISO timestamp. */
  publishedAt: string;
  holderTitle: string;
  referenceTitle: string;
}

/** The engine's comparison of the holder's qualification with the reference (non-binding). */
export interface ComparisonBasis {
  /** Null when the comparison was computed for this answer and not stored (public calls store nothing). */
  id: string | null;
  verdict: Verdict;
  adaptationMonths: number | null;
  aptitudeTestTopics: string[];
  /** The comparison's statement of who chooses between the measures (Art. 14(2)); absent when it proposes none. */
  choice?: string | null;
  /** What the comparison says must still be supplied (e.g. unknown hours), in the advice's language. */
  documentsNeeded?: string[];
  /** ISO timestamp of the stored report. */
  createdAt: string;
}

export interface Citation {
  kind: 'RULE' | 'DECISION' | 'COMPARISON';
  id: string | null;
  label: string;
  binding: boolean;
  sourceUrl: string | null;
}

/** YYYY-MM-DD in UTC: the same day whatever the server's time zone. */
export const isoDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/** A decision has no stored title: it is named by the two qualifications and the destination it was taken for. */
export const decisionTitle = (d: DecisionBasis, lang: AdviceLang) =>
  msg(lang, 'cite.decisionTitle', { holder: d.holderTitle, reference: d.referenceTitle, dest: d.destinationJurisdiction });

/** Whether a decision taken for its destination binds in the requested one (DE binds in DE-NW; DE-NW does not bind in DE). */
export const decisionBinds = (d: DecisionBasis, destination: string) => jurisdictionInScope([d.destinationJurisdiction], destination);

export function decisionCitation(d: DecisionBasis, destination: string, lang: AdviceLang): Citation {
  return { kind: 'DECISION', id: d.id, label: msg(lang, 'cite.decision', { title: decisionTitle(d, lang), date: isoDay(d.publishedAt) }), binding: decisionBinds(d, destination), sourceUrl: null };
}

export function comparisonCitation(c: ComparisonBasis, referenceTitle: string, lang: AdviceLang): Citation {
  return { kind: 'COMPARISON', id: c.id, label: msg(lang, 'cite.comparison', { reference: referenceTitle, date: isoDay(c.createdAt) }), binding: false, sourceUrl: null };
}

export function ruleCitation(e: RuleEvaluation): Citation {
  const d = e.rule.document;
  return { kind: 'RULE', id: e.rule.id, label: `${d.instrument.name} (rule ${e.rule.key} v${e.rule.version})`, binding: true, sourceUrl: d.sources[0]?.url ?? null };
}
