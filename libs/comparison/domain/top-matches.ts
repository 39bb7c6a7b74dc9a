import type { OutcomeMatch } from './types';

/** An automatic match and the index of its holder outcome (-1: none). */
export interface Candidate {
  m: OutcomeMatch;
  i: number;
}

/** Report order: higher score first, then holder unit key, then holder outcome key. */
function before(score: number, unitKey: string, outcomeKey: string, m: OutcomeMatch): boolean {
  if (score !== m.score) return score > m.score;
  if (unitKey !== m.holderUnitKey) return unitKey < m.holderUnitKey;
  return outcomeKey < m.holderOutcomeKey;
}

/**
 * The k first automatic matches in report order and the best score of all, without sorting (or even building) every
 * candidate: a reference outcome may have a hundred candidates and the report shows three.
 */
export class TopMatches {
  readonly list: Candidate[] = [];
  best = 0;
  private readonly offered: Set<string> | null;

  constructor(
    private readonly k: number,
    trackOffered = false,
  ) {
    this.offered = trackOffered ? new Set() : null;
  }

  offer(score: number, unitKey: string, outcomeKey: string, make: () => Candidate): void {
    this.offered?.add(`${unitKey}/${outcomeKey}`);
    if (score > this.best) this.best = score;
    const n = this.list.length;
    if (n === this.k && (n === 0 || !before(score, unitKey, outcomeKey, this.list[n - 1].m))) return;
    let at = n;
    while (at > 0 && before(score, unitKey, outcomeKey, this.list[at - 1].m)) at--;
    this.list.splice(at, 0, make());
    if (this.list.length > this.k) this.list.pop();
  }

  /** Whether this holder outcome was offered (only when constructed with trackOffered). */
  wasOffered(unitKey: string, outcomeKey: string): boolean {
    return this.offered?.has(`${unitKey}/${outcomeKey}`) ?? false;
  }
}
