import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compareOutcome, indexMappings, prepareFile, prepareOutcomes } from './outcomes';
import type { PolicyParams } from './policy';
import type { AlignmentEvidenceItem, EvidenceKind, OutcomeMapping } from './types';

/** A pair of outcomes the engine matches on its own, for an expert to confirm or reject. */
export interface MappingSuggestion {
  referenceUnitKey: string;
  referenceOutcomeKey: string;
  referenceText: string;
  referenceLang: string;
  holderUnitKey: string;
  holderOutcomeKey: string;
  holderText: string;
  holderLang: string;
  /** The pair's strongest signal, shared tags included (dimension factor included). */
  score: number;
  /** The signal that scored highest: SHARED_ESCO, LEXICAL or ALIGNMENT. */
  signal: Exclude<EvidenceKind, 'EXPERT_MAPPING'>;
  sharedSkills: string[];
  /** Null when the aligner did not find the pair. */
  alignmentScore: number | null;
  evidence: AlignmentEvidenceItem[];
}

/**
 * The engine's automatic matches between two files, reference outcome by reference outcome (best first), with
 * the evidence behind each. Pairs an expert asserted or rejected are left out: they are decided. Shared ESCO tags
 * propose pairs here even where the policy does not score them: a tag is a claim an expert can confirm.
 */
export function suggestMappings(holder: QualificationFile, reference: QualificationFile, mappings: OutcomeMapping[], p: PolicyParams): MappingSuggestion[] {
  const index = prepareFile(holder).holderIndex;
  const maps = indexMappings(mappings, holder.key, reference.key, index);
  const decided = new Set(mappings.map((m) => `${m.reference.unitKey}/${m.reference.outcomeKey}|${m.holder.unitKey}/${m.holder.outcomeKey}`));
  const out: MappingSuggestion[] = [];
  const tagsProposing: PolicyParams = { ...p, escoTags: 'SCORE' };
  for (const ref of prepareOutcomes(reference)) {
    const c = compareOutcome(ref, index, maps, tagsProposing);
    for (const m of c.matches) {
      if (m.evidence === 'EXPERT_MAPPING') continue;
      if (decided.has(`${ref.id}|${m.holderUnitKey}/${m.holderOutcomeKey}`)) continue;
      const h = index.get(`${m.holderUnitKey}/${m.holderOutcomeKey}`)!;
      out.push({
        referenceUnitKey: ref.unitKey,
        referenceOutcomeKey: ref.key,
        referenceText: ref.text,
        referenceLang: ref.lang,
        holderUnitKey: h.unitKey,
        holderOutcomeKey: h.key,
        holderText: h.text,
        holderLang: h.lang,
        score: m.score,
        signal: m.evidence,
        sharedSkills: m.sharedSkills.map((s) => s.uri),
        alignmentScore: m.alignment?.score ?? null,
        evidence: m.alignment?.evidence ?? [],
      });
    }
  }
  return out;
}
