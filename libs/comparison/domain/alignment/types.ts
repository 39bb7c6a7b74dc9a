/** Languages the aligner understands. Other languages still align through cognates and ESCO labels only. */
export const ALIGN_LANGS = ['nl', 'de', 'en'] as const;
export type AlignLang = (typeof ALIGN_LANGS)[number];

export function isAlignLang(lang: string): lang is AlignLang {
  return (ALIGN_LANGS as readonly string[]).includes(lang);
}

/** One content word of an outcome and the language-independent terms it stands for. */
export interface PreparedWord {
  /** The word as written (lower case), for evidence. */
  surface: string;
  /** Pivot terms: English stems from the lexicon (`en:…`), or a cognate skeleton (`~…`). */
  terms: string[];
}

/** An ESCO concept found in the outcome text, with the label that matched. */
export interface ConceptHit {
  uri: string;
  /** The ESCO label (as ESCO writes it) whose words were found. */
  label: string;
  labelLang: string;
  /** Number of content words of the label; longer labels are more specific. */
  size: number;
}

/**
 * What alignment needs of one outcome, computed once (at import time) and stored.
 * Plain data, JSON-serialisable; `version` changes whenever preparation changes meaning.
 */
export interface PreparedOutcome {
  version: number;
  lang: string;
  words: PreparedWord[];
  concepts: ConceptHit[];
}

export type EvidenceSignal = 'CONCEPT' | 'LEXICON' | 'COGNATE';

export interface AlignmentEvidence {
  signal: EvidenceSignal;
  /** CONCEPT: the ESCO URI; LEXICON/COGNATE: the shared pivot term. */
  key: string;
  /** What matched on the reference side (label or word) and on the holder side. */
  reference: string;
  holder: string;
  /** Share of the pair's score this piece carries (0…1 before rounding). */
  weight: number;
}

export interface Alignment {
  referenceIndex: number;
  /** Best holder outcome at or above the threshold, else null. */
  holderIndex: number | null;
  /** Score of the best holder outcome (also reported when it stays below the threshold). */
  score: number;
  /** Best holder outcome regardless of the threshold, or null when nothing is shared at all. */
  bestHolderIndex: number | null;
  evidence: AlignmentEvidence[];
}

export interface AlignOptions {
  /** Minimum score for an alignment (0…1). */
  threshold?: number;
  /** 'best': each reference outcome takes its best holder outcome (holders may repeat).
   *  'one-to-one': greedy assignment by descending score, each holder outcome used once. */
  assignment?: 'best' | 'one-to-one';
  /** Evidence items kept per alignment. */
  maxEvidence?: number;
}
