import type { ProfessionSource, RouteAdvice } from './advise';
import type { PublishedDecision } from './decisions';
import { type AdviceLang, msg } from './messages';

/** One answer to work out when no profession was given: a profession (or none) and where it comes from. */
export interface AnswerCandidate {
  profession: string | null;
  source: Exclude<ProfessionSource, 'GIVEN'> | null;
}

/**
 * What to consider when no profession was given: no profession (level recognition or an individual
 * assessment), each profession the qualification names, and each profession of a reference qualification
 * that a published decision compares it with. In that order, each profession once.
 */
export function answerCandidates(qualificationProfessions: readonly string[], decisions: readonly PublishedDecision[]): AnswerCandidate[] {
  const out: AnswerCandidate[] = [{ profession: null, source: null }];
  const seen = new Set<string>();
  for (const p of qualificationProfessions) {
    if (seen.has(p)) continue;
    seen.add(p);
    out.push({ profession: p, source: 'QUALIFICATION' });
  }
  for (const d of decisions) {
    for (const p of d.referenceProfessions) {
      if (seen.has(p)) continue;
      seen.add(p);
      out.push({ profession: p, source: 'DECISION' });
    }
  }
  return out;
}

/**
 * How firm an answer is (lower is firmer): automatic professional recognition by rule, then a binding
 * published decision, then level recognition by rule, then an indicative decision, then the engine's
 * comparison, then a known regulation without an expected outcome, then nothing known.
 */
export function answerRank(a: RouteAdvice): number {
  const basis = a.expectedOutcome.basis;
  if (a.route === 'AUTOMATIC_PROFESSIONAL_RECOGNITION') return 0;
  if (basis === 'DECISION' && a.expectedOutcome.binding) return 1;
  if (a.route === 'AUTOMATIC_LEVEL_RECOGNITION') return 2;
  if (basis === 'DECISION') return 3;
  if (basis === 'COMPARISON') return 4;
  if (a.route === 'GENERAL_SYSTEM' || a.route === 'NOT_REGULATED') return 5;
  return 6;
}

/**
 * The firmest answer leads, the others follow as alternatives (in candidate order for equal firmness, so
 * the answer that assumes no profession wins a tie). Each answer says which profession it assumes.
 */
export function combineAnswers(answers: RouteAdvice[], lang: AdviceLang): RouteAdvice {
  if (!answers.length) throw new Error('combineAnswers needs at least one answer');
  const ranked = answers.map((a, i) => ({ a, i, rank: answerRank(a) })).sort((x, y) => x.rank - y.rank || x.i - y.i);
  const [first, ...rest] = ranked.map((r) => r.a);
  if (!rest.length) return first;
  const caveats = first.assumedProfession === null ? [...first.caveats, msg(lang, 'assume.none')] : first.caveats;
  return { ...first, caveats, alternatives: rest };
}
