import { explain } from './explain';
import { scoreMatrix } from './score';
import type { Alignment, AlignOptions, PreparedOutcome } from './types';

/** Operating point chosen on the gold set (bench/alignment.ts reports precision and recall there). */
export const DEFAULT_THRESHOLD = 0.45;

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Scores every reference outcome against every holder outcome (scoreMatrix) and keeps, per reference outcome,
 * the best holder outcome at or above the threshold, with the evidence behind it.
 */
export function alignOutcomes(reference: PreparedOutcome[], holder: PreparedOutcome[], opts: AlignOptions = {}): Alignment[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const maxEvidence = opts.maxEvidence ?? 8;
  const scores = scoreMatrix(reference, holder);
  const R = reference.length;
  const H = holder.length;

  const best = new Int32Array(R).fill(-1);
  const bestScore = new Float64Array(R);
  let above = 0;
  for (let r = 0; r < R; r++) {
    for (let h = 0; h < H; h++) {
      const s = scores[r * H + h];
      if (s >= threshold) above++;
      if (s > bestScore[r]) {
        bestScore[r] = s;
        best[r] = h;
      }
    }
  }

  const chosen = new Int32Array(R).fill(-1);
  if (opts.assignment === 'one-to-one') {
    // Greedy by descending score (ties: lower reference, then lower holder index), each holder used once.
    const cells = new Int32Array(above);
    let k = 0;
    for (let i = 0; i < R * H; i++) if (scores[i] >= threshold) cells[k++] = i;
    cells.sort((a, b) => scores[b] - scores[a] || a - b);
    const usedH = new Uint8Array(H);
    for (const i of cells) {
      const r = (i / H) | 0;
      const h = i - r * H;
      if (chosen[r] >= 0 || usedH[h]) continue;
      chosen[r] = h;
      usedH[h] = 1;
    }
  } else {
    for (let r = 0; r < R; r++) if (best[r] >= 0 && bestScore[r] >= threshold) chosen[r] = best[r];
  }

  const out: Alignment[] = new Array(R);
  for (let r = 0; r < R; r++) {
    const h = chosen[r] >= 0 ? chosen[r] : best[r];
    out[r] = {
      referenceIndex: r,
      holderIndex: chosen[r] >= 0 ? chosen[r] : null,
      score: h >= 0 ? r4(scores[r * H + h]) : 0,
      bestHolderIndex: best[r] >= 0 ? best[r] : null,
      evidence: h >= 0 ? explain(reference[r], holder[h], maxEvidence) : [],
    };
  }
  return out;
}
