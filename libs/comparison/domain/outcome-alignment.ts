import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import {
  ConceptIndex,
  DEFAULT_THRESHOLD,
  explain,
  loadLexicon,
  prepareOutcome,
  type AlignmentResources,
  type ConceptLabelRow,
  type PreparedOutcome as AlignedOutcome,
} from './alignment';
import { ReferenceContext, referenceScores } from './alignment-scores';
import { outcomeSignature, sameSignature } from './file-signature';
import type { MatchAlignment } from './types';

export type { AlignedOutcome };

/** Alignment scores below this are no match: the aligner's operating point on its gold set. */
export const ALIGNMENT_THRESHOLD = DEFAULT_THRESHOLD;
/** Evidence items kept per match: enough to explain it, few enough to read. */
const MAX_EVIDENCE = 6;

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

let lexiconOnly: AlignmentResources | null = null;

/** Lexicon and cognates without ESCO concepts: what a database without an ESCO import can offer. */
export function lexiconOnlyResources(): AlignmentResources {
  return (lexiconOnly ??= { lexicon: loadLexicon(), concepts: new ConceptIndex([]) });
}

/** Lexicon plus the concept index of these ESCO label rows (none: lexicon only). */
export function alignmentResources(rows: ConceptLabelRow[]): AlignmentResources {
  return rows.length ? { lexicon: lexiconOnlyResources().lexicon, concepts: new ConceptIndex(rows) } : lexiconOnlyResources();
}

/** Every outcome of the file prepared for alignment, in the order of units and outcomes (as prepareOutcomes). */
export function prepareFileAlignment(file: QualificationFile, res: AlignmentResources): AlignedOutcome[] {
  return file.units.flatMap((u) => u.outcomes.map((o) => prepareOutcome(o.text, o.lang, res)));
}

/**
 * Preparations handed in for a file object (the service's, with the ESCO concept index). Keyed by the object so the
 * engine's signature stays as it is; a file without one is prepared once with the lexicon alone.
 */
const attached = new WeakMap<QualificationFile, { signature: string[]; prepared: AlignedOutcome[] }>();

export function attachAlignment(file: QualificationFile, prepared: AlignedOutcome[]): void {
  const signature = outcomeSignature(file);
  if (prepared.length !== signature.length) throw new Error(`alignment for "${file.key}": ${prepared.length} preparations for ${signature.length} outcomes`);
  attached.set(file, { signature, prepared });
}

/** The preparations handed in for this file, or (none, or the file changed since) the lexicon's, kept for next time. */
export function alignmentOf(file: QualificationFile, signature = outcomeSignature(file)): AlignedOutcome[] {
  const hit = attached.get(file);
  if (hit && sameSignature(hit.signature, signature)) return hit.prepared;
  const prepared = prepareFileAlignment(file, lexiconOnlyResources());
  attached.set(file, { signature, prepared });
  return prepared;
}

/** Word weights of a reference file, computed once per prepared file (the service keeps files per version). */
const contexts = new WeakMap<AlignedOutcome[], ReferenceContext>();

function contextOf(reference: AlignedOutcome[]): ReferenceContext {
  let c = contexts.get(reference);
  if (!c) {
    c = new ReferenceContext(reference);
    contexts.set(reference, c);
  }
  return c;
}

/**
 * Alignment scores of one reference file's outcomes against the holder's outcomes, computed as one matrix.
 * Only pairs written in different languages are aligned: within one language the engine compares the words
 * themselves (lexical.ts), which needs no translation.
 */
export class AlignmentMatrix {
  private forReference: AlignedOutcome[] | null = null;
  private forSameLanguage = false;
  private scores: Float64Array | null = null;

  constructor(readonly holder: AlignedOutcome[]) {}

  /**
   * Row of reference outcome `index` of `reference` (one score per holder outcome), or null when nothing is aligned.
   * Pairs in one language are scored only when `sameLanguage` is set; otherwise the engine's word overlap covers them.
   */
  row(reference: AlignedOutcome[], index: number, sameLanguage = false): Float64Array | null {
    if (this.forReference !== reference || this.forSameLanguage !== sameLanguage) {
      this.forReference = reference;
      this.forSameLanguage = sameLanguage;
      this.scores = null;
      const langs = new Set([...reference, ...this.holder].map((o) => o.lang));
      if ((langs.size > 1 || sameLanguage) && reference.length && this.holder.length) {
        const H = this.holder.length;
        const scores = referenceScores(contextOf(reference), this.holder);
        if (!sameLanguage) for (let r = 0; r < reference.length; r++) for (let h = 0; h < H; h++) if (reference[r].lang === this.holder[h].lang) scores[r * H + h] = 0;
        this.scores = scores;
      }
    }
    if (!this.scores) return null;
    const H = this.holder.length;
    return this.scores.subarray(index * H, index * H + H);
  }

  /** The evidence behind a pair, for the report. */
  evidence(ref: AlignedOutcome, holderIndex: number, score: number): MatchAlignment {
    return { score: r4(score), evidence: explain(ref, this.holder[holderIndex], MAX_EVIDENCE).map((e) => ({ ...e })) };
  }
}
