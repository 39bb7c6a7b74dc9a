import { createHash } from 'node:crypto';
import type { EqfDimension, QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { outcomeSignature, sameSignature } from './file-signature';
import { tokenSet } from './lexical';
import { type AlignedOutcome, AlignmentMatrix, alignmentOf } from './outcome-alignment';
import type { PolicyParams } from './policy';
import { TopMatches } from './top-matches';
import type { EscoSkillRef, EvidenceKind, OutcomeComparison, OutcomeMapping, OutcomeMatch } from './types';

export interface PreparedOutcome {
  unitKey: string;
  key: string;
  id: string;
  dimension: EqfDimension;
  lang: string;
  text: string;
  tags: ReadonlySet<string>;
  tokens: ReadonlySet<string>;
  /** All outcomes of this file prepared for alignment, and this outcome's place among them. */
  aligned: AlignedOutcome[];
  position: number;
}

/** Added to a holder outcome's token counter to mark it aligned; no outcome has this many tokens. */
const ALIGNED_MARK = 1 << 20;
const NO_TAGS: ReadonlySet<string> = new Set();

export const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const outcomeId = (unitKey: string, outcomeKey: string) => `${unitKey}/${outcomeKey}`;

/** A file's outcomes prepared for matching, with what is derived from them once per file version. */
export class PreparedFile {
  private index?: HolderIndex;
  private digest?: string;

  constructor(readonly signature: string[], readonly outcomes: PreparedOutcome[]) {}

  /** The outcomes indexed as a holder's; its scratch counters are zero again after every compareOutcome. */
  get holderIndex(): HolderIndex {
    return (this.index ??= new HolderIndex(this.outcomes));
  }

  /** SHA-256 of the signature: what the comparison read of the outcomes, for the report's input hash. */
  get outcomesDigest(): string {
    return (this.digest ??= createHash('sha256').update(this.signature.join('\n')).digest('hex'));
  }
}

/** Prepared outcomes per file object (the service keeps files per version), checked against the file on every use. */
const preparedOf = new WeakMap<QualificationFile, PreparedFile>();

export function prepareFile(file: QualificationFile): PreparedFile {
  const signature = outcomeSignature(file);
  const hit = preparedOf.get(file);
  if (hit && sameSignature(hit.signature, signature)) return hit;
  const prepared = new PreparedFile(signature, prepareFresh(file, signature));
  preparedOf.set(file, prepared);
  return prepared;
}

export function prepareOutcomes(file: QualificationFile): PreparedOutcome[] {
  return prepareFile(file).outcomes;
}

function prepareFresh(file: QualificationFile, signature: string[]): PreparedOutcome[] {
  const aligned = alignmentOf(file, signature);
  let position = 0;
  return file.units.flatMap((u) =>
    u.outcomes.map((o) => ({
      unitKey: u.key,
      key: o.key,
      id: outcomeId(u.key, o.key),
      dimension: o.dimension,
      lang: o.lang,
      text: o.text,
      tags: new Set(o.escoSkills),
      tokens: tokenSet(o.text),
      aligned,
      position: position++,
    })),
  );
}

/** Coverage an aligner score gives: none at or below the floor, full from alignmentFull, linear between. */
export function graded(score: number, p: Pick<PolicyParams, 'alignmentFloor' | 'alignmentFull'>): number {
  if (score <= p.alignmentFloor) return 0;
  if (score >= p.alignmentFull || p.alignmentFull <= p.alignmentFloor) return 1;
  return (score - p.alignmentFloor) / (p.alignmentFull - p.alignmentFloor);
}

export function escoScore(measure: PolicyParams['escoMeasure'], ref: ReadonlySet<string>, holder: ReadonlySet<string>): { score: number; shared: string[] } {
  if (ref.size === 0 || holder.size === 0) return { score: 0, shared: [] };
  const shared: string[] = [];
  for (const t of ref) if (holder.has(t)) shared.push(t);
  if (shared.length === 0) return { score: 0, shared };
  const n = shared.length;
  const score = measure === 'JACCARD' ? n / (ref.size + holder.size - n) : measure === 'OVERLAP' ? n / Math.min(ref.size, holder.size) : n / ref.size;
  return { score, shared: shared.sort() };
}

/** Holder outcomes indexed for matching: inverted lists by ESCO tag and by (language, token), plus scratch counters. */
export class HolderIndex {
  readonly byId = new Map<string, number>();
  readonly byTag = new Map<string, number[]>();
  readonly byToken = new Map<string, number[]>();
  readonly sharedTags: Int32Array;
  readonly sharedTokens: Int32Array;
  readonly alignment: AlignmentMatrix;

  constructor(readonly outcomes: PreparedOutcome[]) {
    this.alignment = new AlignmentMatrix(outcomes.map((o) => o.aligned[o.position]));
    outcomes.forEach((o, i) => {
      this.byId.set(o.id, i);
      for (const t of o.tags) push(this.byTag, t, i);
      for (const t of o.tokens) push(this.byToken, `${o.lang}:${t}`, i);
    });
    this.sharedTags = new Int32Array(outcomes.length);
    this.sharedTokens = new Int32Array(outcomes.length);
  }

  get(id: string): PreparedOutcome | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.outcomes[i];
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Expert mappings relevant to one pair of files, by reference outcome id. */
export interface MappingsByReference {
  asserted: Map<string, OutcomeMapping[]>;
  rejected: Map<string, OutcomeMapping[]>;
  assertedCount: number;
  rejectedCount: number;
}

export function indexMappings(mappings: OutcomeMapping[], holderKey: string, referenceKey: string, holder: HolderIndex): MappingsByReference {
  const out: MappingsByReference = { asserted: new Map(), rejected: new Map(), assertedCount: 0, rejectedCount: 0 };
  for (const m of mappings) {
    if (m.holder.qualificationKey !== holderKey || m.reference.qualificationKey !== referenceKey) continue;
    // A mapping to an outcome the holder file no longer has carries no evidence.
    if (!holder.byId.has(outcomeId(m.holder.unitKey, m.holder.outcomeKey))) continue;
    const refId = outcomeId(m.reference.unitKey, m.reference.outcomeKey);
    if (m.status === 'ASSERTED') {
      push(out.asserted, refId, m);
      out.assertedCount++;
    } else {
      push(out.rejected, refId, m);
      out.rejectedCount++;
    }
  }
  return out;
}

const byMatchOrder = (a: OutcomeMatch, b: OutcomeMatch) =>
  b.score - a.score || cmp(a.holderUnitKey, b.holderUnitKey) || cmp(a.holderOutcomeKey, b.holderOutcomeKey);

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** URI → the skill as the report shows it (label beside the URI). */
export type SkillRefOf = (uri: string) => EscoSkillRef;
const bareSkill: SkillRefOf = (uri) => ({ uri, label: null, labelLang: null });

/**
 * Compares one reference outcome with every holder outcome: expert mappings first, then the best of shared ESCO
 * tags, same-language text and cross-language alignment.
 */
export function compareOutcome(ref: PreparedOutcome, holder: HolderIndex, maps: MappingsByReference, p: PolicyParams, skill: SkillRefOf = bareSkill): OutcomeComparison {
  const asserted = maps.asserted.get(ref.id) ?? [];
  const rejectedMaps = maps.rejected.get(ref.id) ?? [];
  const rejected = new Set(rejectedMaps.map((m) => outcomeId(m.holder.unitKey, m.holder.outcomeKey)));
  const assertedIds = new Set<string>();
  const matches: OutcomeMatch[] = [];
  for (const m of asserted) {
    const id = outcomeId(m.holder.unitKey, m.holder.outcomeKey);
    if (rejected.has(id) || assertedIds.has(id)) continue; // a rejection blocks, even against an assertion
    assertedIds.add(id);
    const h = holder.get(id)!;
    matches.push({
      holderUnitKey: h.unitKey,
      holderOutcomeKey: h.key,
      score: 1,
      evidence: 'EXPERT_MAPPING',
      sharedSkills: [...h.tags].filter((t) => ref.tags.has(t)).sort().map(skill),
      ...(m.note ? { note: m.note } : {}),
    });
  }

  // Count shared tags and same-language tokens per holder outcome through the inverted lists. Tags count only
  // where the policy scores them: otherwise a tag-only candidate scores 0, and shown matches list tags anyway.
  const scoreTags = p.escoTags === 'SCORE';
  const touched: number[] = [];
  const countedTags = scoreTags ? ref.tags : NO_TAGS;
  for (const t of countedTags) {
    for (const i of holder.byTag.get(t) ?? []) {
      if (holder.sharedTags[i] === 0 && holder.sharedTokens[i] === 0) touched.push(i);
      holder.sharedTags[i]++;
    }
  }
  for (const t of ref.tokens) {
    for (const i of holder.byToken.get(`${ref.lang}:${t}`) ?? []) {
      if (holder.sharedTags[i] === 0 && holder.sharedTokens[i] === 0) touched.push(i);
      holder.sharedTokens[i]++;
    }
  }

  // Aligned pairs join the candidates; marking them like tag hits keeps each holder outcome in `touched` once.
  const alignRow = holder.outcomes.length ? holder.alignment.row(ref.aligned, ref.position, p.alignSameLanguage) : null;
  if (alignRow) {
    for (let i = 0; i < alignRow.length; i++) {
      if (alignRow[i] <= p.alignmentFloor) continue;
      if (holder.sharedTags[i] === 0 && holder.sharedTokens[i] === 0) touched.push(i);
      holder.sharedTokens[i] += ALIGNED_MARK;
    }
  }

  // Automatic matches the report shows; shared skills and evidence are filled in only for those.
  const automatic = new TopMatches(Math.max(0, p.maxMatchesPerOutcome - matches.length), ref.tokens.size === 0);
  // Best weight per reference tag among usable holder outcomes (1 same dimension, crossDimensionFactor otherwise).
  const tagWeight = new Map<string, number>();
  for (const i of touched) {
    const nTags = holder.sharedTags[i];
    const nTokens = holder.sharedTokens[i] % ALIGNED_MARK;
    holder.sharedTags[i] = 0;
    holder.sharedTokens[i] = 0;
    const h = holder.outcomes[i];
    if (rejected.has(h.id) || assertedIds.has(h.id)) continue;
    const factor = h.dimension === ref.dimension ? 1 : p.crossDimensionFactor;
    let escoValue = 0;
    if (nTags > 0 && scoreTags) {
      escoValue = p.escoMeasure === 'JACCARD' ? nTags / (ref.tags.size + h.tags.size - nTags) : p.escoMeasure === 'OVERLAP' ? nTags / Math.min(ref.tags.size, h.tags.size) : nTags / ref.tags.size;
      for (const t of ref.tags) if (h.tags.has(t)) tagWeight.set(t, Math.max(tagWeight.get(t) ?? 0, factor));
    }
    // Same words (after normalisation and stop words) in the same language is the same outcome; otherwise weaker evidence.
    const d = nTokens > 0 ? (2 * nTokens) / (ref.tokens.size + h.tokens.size) : 0;
    const lexical = d === 1 ? 1 : d * p.lexicalWeight;
    const aligned = alignRow ? graded(alignRow[i], p) : 0;
    const top = Math.max(escoValue, lexical);
    const evidence: EvidenceKind = aligned > top ? 'ALIGNMENT' : escoValue > 0 && escoValue >= lexical ? 'SHARED_ESCO' : 'LEXICAL';
    const score = r4(Math.max(top, aligned) * factor);
    if (score > 0 && score >= p.minMatchScore) {
      automatic.offer(score, h.unitKey, h.key, () => ({ m: { holderUnitKey: h.unitKey, holderOutcomeKey: h.key, score, evidence, sharedSkills: [] }, i }));
    }
  }
  // Identical text whose words are all stop words still matches itself.
  if (ref.tokens.size === 0) {
    for (const h of holder.outcomes) {
      if (h.lang === ref.lang && h.text === ref.text && !rejected.has(h.id) && !assertedIds.has(h.id) && !automatic.wasOffered(h.unitKey, h.key)) {
        const score = r4(h.dimension === ref.dimension ? 1 : p.crossDimensionFactor);
        automatic.offer(score, h.unitKey, h.key, () => ({ m: { holderUnitKey: h.unitKey, holderOutcomeKey: h.key, score, evidence: 'LEXICAL', sharedSkills: [] }, i: -1 }));
      }
    }
  }
  matches.sort(byMatchOrder);
  const shown = automatic.list;
  // Evidence only for the matches the report shows: explaining a pair costs more than scoring it.
  for (const { m, i } of shown) {
    if (i < 0) continue;
    const h = holder.outcomes[i];
    m.sharedSkills = [...ref.tags].filter((t) => h.tags.has(t)).sort().map(skill);
    if (alignRow && alignRow[i] > p.alignmentFloor) m.alignment = holder.alignment.evidence(ref.aligned[ref.position], i, alignRow[i]);
  }
  matches.push(...shown.map((a) => a.m));

  let coverage: number;
  let missingSkills: string[];
  if (assertedIds.size > 0) {
    coverage = 1;
    missingSkills = [];
  } else {
    const best = automatic.best;
    let union = 0;
    if (scoreTags && p.combineEscoAcrossOutcomes && ref.tags.size > 0) {
      let sum = 0;
      for (const t of ref.tags) sum += tagWeight.get(t) ?? 0;
      union = sum / ref.tags.size;
    }
    coverage = r4(Math.min(1, Math.max(best, union)));
    missingSkills = [...ref.tags].filter((t) => (tagWeight.get(t) ?? 0) < 1).sort();
  }
  return {
    outcomeKey: ref.key,
    dimension: ref.dimension,
    lang: ref.lang,
    text: ref.text,
    coverage,
    covered: coverage >= p.outcomeCoveredThreshold,
    missingSkills: missingSkills.map(skill),
    matches,
    rejected: rejectedMaps
      .map((m) => ({ holderUnitKey: m.holder.unitKey, holderOutcomeKey: m.holder.outcomeKey, ...(m.note ? { note: m.note } : {}) }))
      .sort((a, b) => cmp(a.holderUnitKey, b.holderUnitKey) || cmp(a.holderOutcomeKey, b.holderOutcomeKey)),
  };
}
