import { jurisdictionInScope } from '../../platform/auth/actor';
import { type DecisionBasis, isoDay } from './citations';

/** A published decision with its reference qualification, as the route advisor weighs it. */
export interface PublishedDecision extends DecisionBasis {
  referenceId: string;
  referenceKey: string;
  /** Professions the reference qualification leads to (catalogue keys). */
  referenceProfessions: string[];
}

const specificity = (j: string) => j.split('-').length;

/**
 * Published decisions for a destination on a day: those taken for the destination or a jurisdiction that
 * contains it (DE for DE-NW; binding) and those taken for a part of it (DE-NW for DE; indicative).
 * Binding first, then the most specific destination, then the newest.
 */
export function decisionsFor(all: PublishedDecision[], destination: string, asOf: string): PublishedDecision[] {
  const binds = (d: PublishedDecision) => jurisdictionInScope([d.destinationJurisdiction], destination);
  const relevant = all.filter((d) => (binds(d) || jurisdictionInScope([destination], d.destinationJurisdiction)) && isoDay(d.publishedAt) <= asOf);
  return relevant.sort(
    (a, b) =>
      Number(binds(b)) - Number(binds(a)) ||
      specificity(b.destinationJurisdiction) - specificity(a.destinationJurisdiction) ||
      (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The decision an answer rests on (decisions in the order of `decisionsFor`): one on the reference
 * qualification the registry names; else one whose reference leads to the assumed profession; with no
 * profession, one whose reference names no profession (otherwise an answer for that profession cites it).
 */
export function decisionFor(decisions: PublishedDecision[], referenceId: string | null, profession: string | null): PublishedDecision | null {
  if (referenceId) {
    const exact = decisions.find((d) => d.referenceId === referenceId);
    if (exact) return exact;
  }
  if (profession) return decisions.find((d) => d.referenceProfessions.includes(profession)) ?? null;
  return decisions.find((d) => d.referenceProfessions.length === 0) ?? null;
}
