import type { LocalizedText } from '../../catalogue/domain/qualification-file.schema';
import { type AdviceLang, msg } from './messages';
import { evaluateRules, registryEntryFor, type NotAppliedReason, type RuleEvaluation, type RuleQuery, type StoredRule } from './rules';
import type { Authority, Regime, RegulatedProfession, RuleEffect } from './schemas';

export const ROUTES = ['AUTOMATIC_LEVEL_RECOGNITION', 'AUTOMATIC_PROFESSIONAL_RECOGNITION', 'GENERAL_SYSTEM', 'NOT_REGULATED', 'INDIVIDUAL_ASSESSMENT', 'UNKNOWN_REGULATION'] as const;
export type Route = (typeof ROUTES)[number];
export type Verdict = 'FULL' | 'PARTIAL' | 'NONE';
export type OutcomeBasis = 'RULE' | 'DECISION' | 'COMPARISON' | 'NONE';

/** A published expert decision on the (holder, reference) pair for the destination. */
export interface DecisionBasis {
  id: string;
  verdict: Verdict;
  rationale: string;
  compensation: string[];
  destinationJurisdiction: string;
  publishedAt: string;
}

/** The engine's comparison of the holder's qualification with the reference (non-binding). */
export interface ComparisonBasis {
  id: string;
  verdict: Verdict;
  adaptationMonths: number | null;
  aptitudeTestTopics: string[];
}

export interface ReferenceQualification {
  id: string;
  key: string;
  title: string;
}

export interface Citation {
  kind: 'RULE' | 'DECISION' | 'COMPARISON';
  id: string;
  label: string;
  binding: boolean;
  sourceUrl: string | null;
}

export interface ExpectedOutcome {
  /** FULL for automatic recognition; null when nothing supports an expectation. */
  verdict: Verdict | null;
  binding: boolean;
  basis: OutcomeBasis;
  summary: string;
  compensation: string[];
  citation: Citation | null;
}

export interface AppliedRule {
  id: string;
  key: string;
  version: number;
  title: string;
  effect: RuleEffect;
  instrument: string;
  validFrom: string | null;
  notes: string | null;
  sourceUrls: string[];
}

export interface ConsideredRule {
  id: string;
  key: string;
  version: number;
  effect: RuleEffect;
  reasons: NotAppliedReason[];
}

export interface RouteAdvice {
  route: Route;
  summary: string;
  destination: string;
  profession: string | null;
  purpose: RuleQuery['purpose'];
  asOf: string;
  lang: AdviceLang;
  regulated: boolean | null;
  regime: Regime | null;
  regimeConfirmed: boolean | null;
  competentAuthority: Authority | null;
  legalBasis: string | null;
  referenceQualification: ReferenceQualification | null;
  expectedOutcome: ExpectedOutcome;
  appliedRules: AppliedRule[];
  consideredRules: ConsideredRule[];
  steps: string[];
  documents: string[];
  information: string[];
  caveats: string[];
  registrySources: string[];
}

export interface AdviceInput {
  query: RuleQuery;
  lang: AdviceLang;
  rules: StoredRule[];
  registry: RegulatedProfession[];
  professionTitle?: LocalizedText | null;
  destinationName?: LocalizedText | null;
  reference?: ReferenceQualification | null;
  decision?: DecisionBasis | null;
  comparison?: ComparisonBasis | null;
}

export const pick = (t: LocalizedText | null | undefined, lang: AdviceLang, fallback: string) => t?.[lang] ?? t?.en ?? t?.nl ?? t?.de ?? fallback;

/** The route, before any comparison: tells the service whether a decision or comparison is worth loading. */
export interface RoutePlan {
  route: Route;
  entry: RegulatedProfession | null;
  evaluations: RuleEvaluation[];
  applied: RuleEvaluation[];
  /** Whether the expected outcome rests on a decision or comparison with the reference qualification. */
  needsComparison: boolean;
  sectoralNotListed: boolean;
}

const applying = (evals: RuleEvaluation[], effect: RuleEffect) => evals.filter((e) => e.applies && e.rule.document.effect === effect);

export function planRoute(query: RuleQuery, rules: StoredRule[], registry: RegulatedProfession[]): RoutePlan {
  const evaluations = evaluateRules(rules, query);
  const levelRules = applying(evaluations, 'AUTOMATIC_LEVEL_RECOGNITION');
  const plan = (route: Route, entry: RegulatedProfession | null, applied: RuleEvaluation[], needsComparison: boolean, sectoralNotListed = false): RoutePlan => ({
    route,
    entry,
    evaluations,
    applied,
    needsComparison,
    sectoralNotListed,
  });

  if (query.profession && query.purpose === 'WORK') {
    const entry = registryEntryFor(registry, query.profession, query.destination, query.asOf);
    if (!entry) return plan('UNKNOWN_REGULATION', null, levelRules, true);
    if (entry.regime === 'NOT_REGULATED') return plan('NOT_REGULATED', entry, levelRules, true);
    if (entry.regime === 'SECTORAL_AUTOMATIC') {
      const auto = applying(evaluations, 'AUTOMATIC_PROFESSIONAL_RECOGNITION');
      if (auto.length) return plan('AUTOMATIC_PROFESSIONAL_RECOGNITION', entry, auto, false);
      return plan('GENERAL_SYSTEM', entry, applying(evaluations, 'GENERAL_SYSTEM'), true, true);
    }
    return plan('GENERAL_SYSTEM', entry, applying(evaluations, 'GENERAL_SYSTEM'), true);
  }
  if (levelRules.length) return plan('AUTOMATIC_LEVEL_RECOGNITION', null, levelRules, false);
  return plan('INDIVIDUAL_ASSESSMENT', null, [], true);
}

function appliedRule(e: RuleEvaluation, lang: AdviceLang): AppliedRule {
  const d = e.rule.document;
  return {
    id: e.rule.id,
    key: e.rule.key,
    version: e.rule.version,
    title: pick(d.title, lang, d.key),
    effect: d.effect,
    instrument: d.instrument.name,
    validFrom: d.validFrom ?? null,
    notes: d.notes ?? null,
    sourceUrls: d.sources.map((s) => s.url),
  };
}

function ruleCitation(e: RuleEvaluation): Citation {
  const d = e.rule.document;
  return { kind: 'RULE', id: e.rule.id, label: `${d.instrument.name} (rule ${e.rule.key} v${e.rule.version})`, binding: true, sourceUrl: d.sources[0]?.url ?? null };
}

function compensationLines(c: ComparisonBasis, lang: AdviceLang): string[] {
  const out: string[] = [];
  if (c.adaptationMonths !== null && c.adaptationMonths > 0) out.push(msg(lang, 'comp.adaptation', { months: c.adaptationMonths }));
  if (c.aptitudeTestTopics.length) out.push(msg(lang, 'comp.aptitude', { topics: c.aptitudeTestTopics.join('; ') }));
  return out;
}

/**
 * The route advisor: which route applies, who decides, what to expect and what to do. The expected
 * outcome cites a rule or a published expert decision; only where neither exists does it fall back to
 * the engine's comparison, labelled non-binding. Pure.
 */
export function advise(input: AdviceInput): RouteAdvice {
  const { query, lang } = input;
  const p = planRoute(query, input.rules, input.registry);
  const dest = pick(input.destinationName, lang, query.destination);
  const profession = query.profession ? pick(input.professionTitle, lang, query.profession) : '';
  const instruments = p.applied.map((e) => e.rule.document.instrument.name).join('; ');
  const entry = p.entry;
  const authority = entry?.competentAuthority ?? null;
  const authorityText = authority ? `${authority.name}${authority.url ? ` (${authority.url})` : ''}` : null;
  const reference = input.reference ?? null;
  const referenceText = reference?.title ?? '—';
  const verdictText = (v: Verdict) => msg(lang, `verdict.${v}`);

  const steps: string[] = [];
  const documents: string[] = [msg(lang, 'doc.diploma'), msg(lang, 'doc.supplement')];
  const information: string[] = [];
  const caveats: string[] = [];
  let outcome: ExpectedOutcome;

  const fromDecisionOrComparison = (informational: boolean): ExpectedOutcome => {
    if (input.decision) {
      const d = input.decision;
      const citation: Citation = { kind: 'DECISION', id: d.id, label: `decision ${d.id}`, binding: true, sourceUrl: null };
      return {
        verdict: d.verdict,
        binding: true,
        basis: 'DECISION',
        summary: msg(lang, 'outcome.decision', { verdict: verdictText(d.verdict), citation: citation.label, dest: d.destinationJurisdiction }),
        compensation: [...d.compensation],
        citation,
      };
    }
    if (input.comparison) {
      const c = input.comparison;
      const citation: Citation = { kind: 'COMPARISON', id: c.id, label: `comparison ${c.id}`, binding: false, sourceUrl: null };
      return {
        verdict: c.verdict,
        binding: false,
        basis: 'COMPARISON',
        summary: msg(lang, informational ? 'outcome.information' : 'outcome.comparison', { verdict: verdictText(c.verdict), citation: citation.label, reference: referenceText }),
        compensation: informational || c.verdict === 'FULL' ? [] : compensationLines(c, lang),
        citation,
      };
    }
    return { verdict: null, binding: false, basis: 'NONE', summary: msg(lang, 'outcome.none'), compensation: [], citation: null };
  };

  switch (p.route) {
    case 'AUTOMATIC_LEVEL_RECOGNITION': {
      const first = p.applied[0];
      outcome = { verdict: 'FULL', binding: true, basis: 'RULE', summary: msg(lang, 'outcome.rule', { verdict: msg(lang, 'verdict.LEVEL'), citation: ruleCitation(first).label }), compensation: [], citation: ruleCitation(first) };
      steps.push(msg(lang, 'step.level.present', { dest }), msg(lang, 'step.level.specific', { dest }));
      if (query.purpose === 'STUDY') caveats.push(msg(lang, 'caveat.study'));
      break;
    }
    case 'AUTOMATIC_PROFESSIONAL_RECOGNITION': {
      const first = p.applied[0];
      outcome = { verdict: 'FULL', binding: true, basis: 'RULE', summary: msg(lang, 'outcome.rule', { verdict: verdictText('FULL'), citation: ruleCitation(first).label }), compensation: [], citation: ruleCitation(first) };
      steps.push(authorityText ? msg(lang, 'step.apply', { authority: authorityText }) : msg(lang, 'step.applyUnknown', { dest }), msg(lang, 'step.auto.grant', { instruments }));
      break;
    }
    case 'GENERAL_SYSTEM': {
      outcome = fromDecisionOrComparison(false);
      if (outcome.verdict === 'PARTIAL' || outcome.verdict === 'NONE') outcome.compensation.push(msg(lang, 'comp.choice'));
      steps.push(
        authorityText ? msg(lang, 'step.apply', { authority: authorityText }) : msg(lang, 'step.applyUnknown', { dest }),
        msg(lang, 'step.general.compare', { reference: referenceText }),
        msg(lang, 'step.general.compensate'),
      );
      documents.push(msg(lang, 'doc.experience'));
      if (p.sectoralNotListed) caveats.push(msg(lang, 'caveat.notListed'));
      break;
    }
    case 'NOT_REGULATED': {
      outcome = fromDecisionOrComparison(true);
      steps.push(msg(lang, 'step.employer'));
      if (authorityText) steps.push(msg(lang, 'step.optionalAssessment', { authority: authorityText }));
      information.push(msg(lang, 'info.supplement'));
      if (input.comparison) information.push(msg(lang, 'info.comparison', { citation: `comparison ${input.comparison.id}`, reference: referenceText, verdict: verdictText(input.comparison.verdict) }));
      if (p.applied.length) information.push(msg(lang, 'info.levelRule', { instruments }));
      break;
    }
    case 'INDIVIDUAL_ASSESSMENT':
    case 'UNKNOWN_REGULATION': {
      outcome = fromDecisionOrComparison(false);
      steps.push(msg(lang, 'step.assessment', { dest }));
      if (p.route === 'UNKNOWN_REGULATION' && p.applied.length) information.push(msg(lang, 'info.levelRule', { instruments }));
      break;
    }
  }
  if (entry && !entry.confirmed) caveats.push(msg(lang, 'caveat.unconfirmed'));
  if (entry && entry.regime !== 'NOT_REGULATED' && !authority) caveats.push(msg(lang, 'caveat.noAuthority', { dest }));
  if (p.needsComparison && query.profession && !reference && p.route !== 'UNKNOWN_REGULATION') caveats.push(msg(lang, 'caveat.noReference', { profession, dest }));

  const summaryCode = `route.${p.route}`;
  return {
    route: p.route,
    summary: msg(lang, summaryCode, { dest, profession, instruments, asOf: query.asOf }),
    destination: query.destination,
    profession: query.profession ?? null,
    purpose: query.purpose,
    asOf: query.asOf,
    lang,
    regulated: entry ? entry.regulated : null,
    regime: entry?.regime ?? null,
    regimeConfirmed: entry ? entry.confirmed : null,
    competentAuthority: authority,
    legalBasis: entry?.legalBasis ?? null,
    referenceQualification: reference,
    expectedOutcome: outcome,
    appliedRules: p.applied.map((e) => appliedRule(e, lang)),
    consideredRules: p.evaluations
      .filter((e) => !e.applies)
      .map((e) => ({ id: e.rule.id, key: e.rule.key, version: e.rule.version, effect: e.rule.document.effect, reasons: e.reasons })),
    steps,
    documents,
    information,
    caveats,
    registrySources: entry?.sources.map((s) => s.url) ?? [],
  };
}
