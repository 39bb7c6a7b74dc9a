import type { LocalizedText } from '../../catalogue/domain/qualification-file.schema';
import { type Citation, type ComparisonBasis, comparisonCitation, decisionCitation, type DecisionBasis, ruleCitation, type Verdict } from './citations';
import { assessLanguage, type LanguageAchievementFact, type LanguageAssessment } from './language';
import { type AdviceLang, msg } from './messages';
import { evaluateRules, namesProfession, registryEntryFor, type NotAppliedReason, type RuleEvaluation, type RuleQuery, type StoredRule } from './rules';
import type { Authority, Regime, RegulatedProfession, RuleEffect } from './schemas';

export type { Citation, ComparisonBasis, DecisionBasis, Verdict } from './citations';

export const ROUTES = ['AUTOMATIC_LEVEL_RECOGNITION', 'AUTOMATIC_PROFESSIONAL_RECOGNITION', 'GENERAL_SYSTEM', 'NOT_REGULATED', 'INDIVIDUAL_ASSESSMENT', 'UNKNOWN_REGULATION'] as const;
export type Route = (typeof ROUTES)[number];
export type OutcomeBasis = 'RULE' | 'DECISION' | 'COMPARISON' | 'NONE';
/** How an answer came by its profession: given in the request, named by the qualification, or from a published decision's reference. */
export type ProfessionSource = 'GIVEN' | 'QUALIFICATION' | 'DECISION';

export interface ReferenceQualification {
  id: string;
  key: string;
  title: string;
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

/** A published authorised binational description covering the qualification and destination. */
export interface DescriptionCitation {
  id: string;
  key: string;
  version: number;
  title: string;
  publishedAt: string;
  text: { lang: string; canDo: string[]; workSettings: string[]; differences: string[] };
}

export interface RouteAdvice {
  route: Route;
  summary: string;
  destination: string;
  /** The profession asked for (null when none was given). */
  profession: string | null;
  /** The profession this answer rests on: the one asked for, or one assumed when none was given. */
  assumedProfession: string | null;
  /** Other answers when no profession was given, one per profession considered (and one for none). */
  alternatives: RouteAdvice[];
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
  /** Published binational descriptions covering the pair; the service fills them in. */
  authorisedDescriptions: DescriptionCitation[];
  /** The destination's language requirement for the profession, compared with the holder's verified language credentials. */
  languageRequirement: LanguageAssessment | null;
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
  /** Set when query.profession was not asked for but assumed: where it comes from. */
  assumedFrom?: Exclude<ProfessionSource, 'GIVEN'> | null;
  /** The holder's verified language achievements (none when the caller has none to show). */
  languages?: readonly LanguageAchievementFact[] | null;
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
    const auto = applying(evaluations, 'AUTOMATIC_PROFESSIONAL_RECOGNITION');
    if (entry?.regime === 'SECTORAL_AUTOMATIC') {
      if (auto.length) return plan('AUTOMATIC_PROFESSIONAL_RECOGNITION', entry, auto, false);
      return plan('GENERAL_SYSTEM', entry, applying(evaluations, 'GENERAL_SYSTEM'), true, true);
    }
    // A rule that names the profession in its scope states the law for it, even where the registry has no entry.
    const named = auto.filter((e) => namesProfession(e.rule, query.profession));
    if (named.length && entry?.regime !== 'NOT_REGULATED') return plan('AUTOMATIC_PROFESSIONAL_RECOGNITION', entry, named, false);
    if (!entry) return plan('UNKNOWN_REGULATION', null, levelRules, true);
    if (entry.regime === 'NOT_REGULATED') return plan('NOT_REGULATED', entry, levelRules, true);
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
      const citation = decisionCitation(d, query.destination, lang);
      // A decision taken for a part of the destination (DE-NW when DE is asked) only indicates the outcome.
      const summary = citation.binding
        ? msg(lang, 'outcome.decision', { verdict: verdictText(d.verdict), citation: citation.label })
        : msg(lang, 'outcome.decisionElsewhere', { verdict: verdictText(d.verdict), citation: citation.label, decisionDest: d.destinationJurisdiction, dest });
      return { verdict: d.verdict, binding: citation.binding, basis: 'DECISION', summary, compensation: [...d.compensation], citation };
    }
    if (input.comparison) {
      const c = input.comparison;
      const citation = comparisonCitation(c, referenceText, lang);
      // What the comparison still lacks is for the applicant to supply, where it bears on the outcome.
      if (!informational) documents.push(...(c.documentsNeeded ?? []));
      return {
        verdict: c.verdict,
        binding: false,
        basis: 'COMPARISON',
        summary: msg(lang, informational ? 'outcome.information' : 'outcome.comparison', { verdict: verdictText(c.verdict), citation: citation.label }),
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
      // The comparison's own choice statement (Art. 14(2)) where it proposes measures; else the general one.
      const choice = outcome.basis === 'COMPARISON' && outcome.compensation.length ? input.comparison?.choice : null;
      if (outcome.verdict === 'PARTIAL' || outcome.verdict === 'NONE') outcome.compensation.push(choice ?? msg(lang, 'comp.choice'));
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
      if (input.comparison && !input.decision) information.push(msg(lang, 'info.comparison', { citation: comparisonCitation(input.comparison, referenceText, lang).label, verdict: verdictText(input.comparison.verdict) }));
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
  if (input.assumedFrom === 'QUALIFICATION') caveats.push(msg(lang, 'assume.qualification', { profession }));
  if (input.assumedFrom === 'DECISION') caveats.push(msg(lang, 'assume.decision', { profession, reference: input.decision?.referenceTitle ?? referenceText }));
  if (!entry && p.route === 'AUTOMATIC_PROFESSIONAL_RECOGNITION') caveats.push(msg(lang, 'caveat.registryFromRule', { profession, dest, instruments }));
  if (entry && !entry.confirmed) caveats.push(msg(lang, 'caveat.unconfirmed'));
  if (entry && entry.regime !== 'NOT_REGULATED' && !authority) caveats.push(msg(lang, 'caveat.noAuthority', { dest }));
  if (p.needsComparison && query.profession && !reference && p.route !== 'UNKNOWN_REGULATION') caveats.push(msg(lang, 'caveat.noReference', { profession, dest }));

  const summaryCode = `route.${p.route}`;
  return {
    route: p.route,
    summary: msg(lang, summaryCode, { dest, profession, instruments, asOf: query.asOf }),
    destination: query.destination,
    profession: input.assumedFrom ? null : (query.profession ?? null),
    assumedProfession: query.profession ?? null,
    alternatives: [],
    purpose: query.purpose,
    asOf: query.asOf,
    lang,
    // Without a registry entry, a sectoral rule naming the profession is what says it is regulated.
    regulated: entry ? entry.regulated : p.route === 'AUTOMATIC_PROFESSIONAL_RECOGNITION' ? true : null,
    regime: entry?.regime ?? (p.route === 'AUTOMATIC_PROFESSIONAL_RECOGNITION' ? 'SECTORAL_AUTOMATIC' : null),
    regimeConfirmed: entry ? entry.confirmed : null,
    competentAuthority: authority,
    legalBasis: entry?.legalBasis ?? null,
    referenceQualification: reference,
    expectedOutcome: outcome,
    appliedRules: p.applied.map((e) => appliedRule(e, lang)),
    // Every rule evaluated is either applied or considered: one that covers the case but is not the route's basis says so.
    consideredRules: p.evaluations
      .filter((e) => !p.applied.includes(e))
      .map((e) => ({ id: e.rule.id, key: e.rule.key, version: e.rule.version, effect: e.rule.document.effect, reasons: e.applies ? ['NOT_USED_FOR_ROUTE' as const] : e.reasons })),
    steps,
    documents,
    information,
    caveats,
    registrySources: entry?.sources.map((s) => s.url) ?? [],
    authorisedDescriptions: [],
    languageRequirement: entry?.languageRequirement ? assessLanguage(entry.languageRequirement, input.languages ?? [], lang, dest) : null,
  };
}
