import { jurisdictionInScope } from '../../platform/auth/actor';
import type { Purpose, RecognitionRule, RegulatedProfession } from './schemas';

export const RULE_STATUSES = ['DRAFT', 'APPROVED', 'RETIRED'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** One version of a rule as stored: the expert-maintained document plus its lifecycle. */
export interface StoredRule {
  id: string;
  key: string;
  version: number;
  status: RuleStatus;
  /** First day on which a retired rule no longer applies (it still applies for any earlier asOf). */
  retiredOn: string | null;
  document: RecognitionRule;
}

/** What the engine knows about the holder's qualification. */
export interface QualificationFacts {
  id?: string;
  key: string;
  jurisdiction: string;
  kind: 'VOCATIONAL' | 'HIGHER_EDUCATION' | 'SCHOOL';
  eqfLevel: number;
  professions: string[];
}

export interface RuleQuery {
  qualification: QualificationFacts;
  destination: string;
  purpose: Purpose;
  /** YYYY-MM-DD */
  asOf: string;
  profession?: string | null;
}

export type NotAppliedReason =
  | 'NOT_YET_IN_FORCE'
  | 'EXPIRED'
  | 'RETIRED'
  | 'SAME_STATE'
  | 'ORIGIN_NOT_COVERED'
  | 'DESTINATION_NOT_COVERED'
  | 'LEVEL_NOT_COVERED'
  | 'KIND_NOT_COVERED'
  | 'QUALIFICATION_NOT_LISTED'
  | 'PROFESSION_NOT_COVERED'
  | 'PURPOSE_NOT_COVERED'
  /** The rule covers the case, but the route rests on other rules (e.g. the general system beside automatic recognition). */
  | 'NOT_USED_FOR_ROUTE';

export interface RuleEvaluation {
  rule: StoredRule;
  applies: boolean;
  /** Empty when the rule applies; otherwise every reason it does not. */
  reasons: NotAppliedReason[];
}

/** Whether a rule names the profession in its scope: such a rule speaks for that profession, whatever the registry holds. */
export const namesProfession = (rule: StoredRule, profession: string | null | undefined): boolean =>
  !!profession && !!rule.document.scope.professions?.includes(profession);

export const countryOf = (jurisdiction: string) => jurisdiction.split('-')[0];

/** Whether a version is in force on a day: approved or retired (not draft), within validFrom/validUntil, before retirement. */
export function temporalReasons(rule: StoredRule, asOf: string): NotAppliedReason[] {
  const d = rule.document;
  const out: NotAppliedReason[] = [];
  if (d.validFrom && asOf < d.validFrom) out.push('NOT_YET_IN_FORCE');
  if (d.validUntil && asOf > d.validUntil) out.push('EXPIRED');
  if (rule.status === 'RETIRED' && rule.retiredOn && asOf >= rule.retiredOn) out.push('RETIRED');
  return out;
}

/** Whether the rule's content covers the case (ignoring time). */
export function scopeReasons(d: RecognitionRule, q: RuleQuery): NotAppliedReason[] {
  const out: NotAppliedReason[] = [];
  const origin = q.qualification.jurisdiction;
  if (countryOf(origin) === countryOf(q.destination)) out.push('SAME_STATE');
  const origins = d.origins.length ? d.origins : d.parties;
  const destinations = d.destinations.length ? d.destinations : d.parties;
  if (!jurisdictionInScope(origins, origin)) out.push('ORIGIN_NOT_COVERED');
  if (!jurisdictionInScope(destinations, q.destination)) out.push('DESTINATION_NOT_COVERED');
  if (d.scope.eqfLevels && !d.scope.eqfLevels.includes(q.qualification.eqfLevel)) out.push('LEVEL_NOT_COVERED');
  if (d.scope.kinds && !d.scope.kinds.includes(q.qualification.kind)) out.push('KIND_NOT_COVERED');
  if (d.scope.qualificationKeys && !d.scope.qualificationKeys.includes(q.qualification.key)) out.push('QUALIFICATION_NOT_LISTED');
  if (d.scope.professions && !(q.profession && d.scope.professions.includes(q.profession))) out.push('PROFESSION_NOT_COVERED');
  if (!d.purposes.includes(q.purpose)) out.push('PURPOSE_NOT_COVERED');
  return out;
}

/**
 * Evaluates every rule for a case on a day. Drafts never apply. Per key, the version in force on asOf
 * counts (the highest such version); when none is in force, the latest non-draft version is reported
 * with the reason. Pure: same inputs, same answer, in key order.
 */
export function evaluateRules(rules: StoredRule[], q: RuleQuery): RuleEvaluation[] {
  const byKey = new Map<string, StoredRule[]>();
  for (const r of rules) {
    if (r.status === 'DRAFT') continue;
    byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  }
  const out: RuleEvaluation[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const versions = byKey.get(key)!.sort((a, b) => b.version - a.version);
    const inForce = versions.find((v) => temporalReasons(v, q.asOf).length === 0);
    const rule = inForce ?? versions[0];
    const reasons = [...temporalReasons(rule, q.asOf), ...scopeReasons(rule.document, q)];
    out.push({ rule, applies: reasons.length === 0, reasons });
  }
  return out;
}

/** The registry entry for a profession in a destination on a day: the most specific jurisdiction wins (DE-NW before DE). */
export function registryEntryFor(entries: RegulatedProfession[], profession: string, destination: string, asOf: string): RegulatedProfession | null {
  const candidates = entries.filter(
    (e) =>
      e.profession === profession &&
      jurisdictionInScope([e.jurisdiction], destination) &&
      (!e.validFrom || e.validFrom <= asOf) &&
      (!e.validUntil || asOf <= e.validUntil),
  );
  candidates.sort((a, b) => b.jurisdiction.length - a.jurisdiction.length);
  return candidates[0] ?? null;
}
