import { Field, Float, ObjectType } from '@nestjs/graphql';
import { registerStringEnum } from '../../../platform/graphql/string-enum';

export const MatchSignal = registerStringEnum(
  ['SHARED_ESCO', 'LEXICAL', 'ALIGNMENT'] as const,
  'MatchSignal',
  'What scored a suggested pair highest: shared ESCO tags, same-language wording, or cross-language outcome alignment.',
);

export const AlignmentSignal = registerStringEnum(
  ['CONCEPT', 'LEXICON', 'COGNATE'] as const,
  'AlignmentSignal',
  'A shared ESCO concept named in both texts, a word with the same translation (lexicon), or a cognate.',
);

@ObjectType('AlignmentEvidence', { description: 'One reason the aligner pairs two outcomes.' })
export class AlignmentEvidenceModel {
  @Field(() => AlignmentSignal) signal: keyof typeof AlignmentSignal;
  @Field({ description: 'CONCEPT: the ESCO URI; LEXICON: the English pivot stem; COGNATE: the shared letter skeleton.' }) key: string;
  @Field({ description: 'What matched in the reference outcome (ESCO label or word).' }) reference: string;
  @Field({ description: 'What matched in the holder outcome.' }) holder: string;
  @Field(() => Float, { description: 'Share of the pair’s alignment score this piece carries (0…1).' }) weight: number;
}

@ObjectType('OutcomeMappingSuggestion', { description: 'A pair of outcomes the engine matches on its own, for an expert to confirm or reject.' })
export class MappingSuggestionModel {
  @Field() referenceUnitKey: string;
  @Field() referenceOutcomeKey: string;
  @Field() referenceText: string;
  @Field() referenceLang: string;
  @Field() holderUnitKey: string;
  @Field() holderOutcomeKey: string;
  @Field() holderText: string;
  @Field() holderLang: string;
  @Field(() => Float, { description: 'The match score as the report counts it (0…1, dimension factor included).' }) score: number;
  @Field(() => MatchSignal) signal: keyof typeof MatchSignal;
  @Field(() => [String], { description: 'ESCO skill URIs both outcomes are tagged with.' }) sharedSkills: string[];
  @Field(() => Float, { nullable: true, description: 'The aligner’s score of the pair; null when it did not find the pair.' }) alignmentScore: number | null;
  @Field(() => [AlignmentEvidenceModel]) evidence: AlignmentEvidenceModel[];
}
