import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { REGIME_KINDS } from '../../domain/regime';
import type { DocumentNeeded, RegimeSummary, TrainingCheck } from '../../domain/types';

/** The list, checked when compiling to hold every member of U (and, by its element type, nothing else). */
const everyOf =
  <U extends string>() =>
  <const T extends readonly U[]>(values: T & ([U] extends [T[number]] ? unknown : never)): T =>
    values;

export const ComparisonRegimeKind = registerStringEnum(
  everyOf<RegimeSummary['kind']>()([...REGIME_KINDS, 'UNSPECIFIED'] as const),
  'ComparisonRegimeKind',
  'The legal regime the comparison applied: Annex V sectoral automatic recognition (Directive 2005/36/EC Art. 21), automatic recognition of the level by a rule, the general system (Art. 13, 14), a profession not regulated in the destination, or UNSPECIFIED when the caller named none (the content comparison decides).',
);

export const ContentComparisonRole = registerStringEnum(
  everyOf<RegimeSummary['contentComparison']>()(['DECISIVE', 'INFORMATIONAL'] as const),
  'ContentComparisonRole',
  'Whether the content comparison decides the verdict (DECISIVE) or only informs (INFORMATIONAL): under automatic recognition, with no compensation; for a profession that is not regulated, with measures as suggestions.',
);

export const TrainingItem = registerStringEnum(
  everyOf<TrainingCheck['item']>()(['DURATION_MONTHS', 'HOURS_TOTAL', 'HOURS_THEORY', 'HOURS_PRACTICE'] as const),
  'TrainingItem',
  'What a training minimum sets: the duration in months, or total, theoretical or practical (clinical) hours.',
);

export const DocumentSide = registerStringEnum(
  everyOf<DocumentNeeded['side']>()(['HOLDER', 'REFERENCE'] as const),
  'DocumentSide',
  'Whose qualification the document is about: the holder’s or the reference’s.',
);

@ObjectType('ComparisonRegime', { description: 'The legal regime the comparison applied, as the caller (recognition rules and registry) stated it.' })
export class ComparisonRegimeModel {
  @Field(() => ComparisonRegimeKind) kind: keyof typeof ComparisonRegimeKind;
  @Field(() => String, { nullable: true, description: 'The legal basis the caller gave; null when UNSPECIFIED.' }) legalBasis: string | null;
  @Field(() => String, { nullable: true, description: 'The recognition rule the regime comes from, if any.' }) ruleKey: string | null;
  @Field(() => ContentComparisonRole, {
    description: 'INFORMATIONAL under automatic recognition (SECTORAL_AUTOMATIC, AUTOMATIC_LEVEL: no compensation) and for a profession that is not regulated (NOT_REGULATED: measures only as suggestions).',
  })
  contentComparison: keyof typeof ContentComparisonRole;
}

@ObjectType('TrainingCheck', { description: 'One item of a training minimum set in law against the holder’s training.' })
export class TrainingCheckModel {
  @Field({ description: 'The minimum: ART31_3_NURSE (Directive 2005/36/EC Art. 31(3)) or PFLAPRV_1 (PflAPrV § 1).' }) minimum: string;
  @Field() legalBasis: string;
  @Field(() => TrainingItem) item: keyof typeof TrainingItem;
  @Field(() => Float, { description: 'The minimum: months for DURATION_MONTHS, else hours.' }) required: number;
  @Field(() => Float, { nullable: true, description: 'The holder’s value; null when unknown (then a document is needed).' }) holder: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Null when the holder’s value is unknown.' }) met: boolean | null;
  @Field(() => Float, { nullable: true, description: 'The shortfall in hours (months × hours a month for the duration); null when met or unknown.' }) shortfallHours: number | null;
}

@ObjectType('TrainingComparison', { description: 'The holder’s training against the minimums set in law (Directive 2005/36/EC Art. 31(3), PflAPrV § 1).' })
export class TrainingComparisonModel {
  @Field(() => [String], { description: 'The minimums that apply (ART31_3_NURSE, PFLAPRV_1): the caller’s, else those of the reference’s professions; none outside regulated professions.' })
  minimums: string[];
  @Field(() => [TrainingCheckModel]) checks: TrainingCheckModel[];
  @Field(() => String, { nullable: true, description: 'E.g. that practice hours stand for clinical training, which the catalogue does not hold apart.' }) note: string | null;
}

@ObjectType('DocumentNeeded', { description: 'A document the applicant or the competent authority must supply before the comparison is complete.' })
export class DocumentNeededModel {
  @Field({ description: 'Stable code of the missing information, e.g. HOLDER_HOURS or REFERENCE_UNIT_HOURS.' }) code: string;
  @Field(() => DocumentSide) side: keyof typeof DocumentSide;
  @Field({ description: 'In the report’s language.' }) message: string;
}

@ObjectType('ThresholdMove', { description: 'One decision threshold moved by ±10% and the verdict it then gives.' })
export class ThresholdMoveModel {
  @Field({ description: 'The policy parameter, e.g. unitCoverageThreshold.' }) param: string;
  @Field(() => Float) base: number;
  @Field(() => Float) moved: number;
  @Field({ description: 'FULL, PARTIAL or NONE.' }) verdict: string;
}

@ObjectType('VerdictSensitivity', { description: 'Whether the verdict holds when any decision threshold moves by ±10%.' })
export class VerdictSensitivityModel {
  @Field({ description: 'True when no move changes the verdict (always true under automatic recognition, where no threshold decides).' }) robust: boolean;
  @Field({ description: '"robust", or "borderline, because …", in the report’s language.' }) statement: string;
  @Field(() => [ThresholdMoveModel]) moves: ThresholdMoveModel[];
}

@ObjectType('CompensationMeasure', { description: 'What compensates one substantial difference (Directive 2005/36/EC Art. 14(1)–(5), BQFG §§ 9–11: limited to the differences found).' })
export class CompensationMeasureModel {
  @Field({ description: 'The ComparisonDifference this measure compensates.' }) differenceId: string;
  @Field(() => [String], { description: 'Keys of the reference units the measure covers (empty for duration, workload and training differences).' }) units: string[];
  @Field(() => Float, { nullable: true, description: 'Hours still missing for this difference, less what the applicant’s experience shows (Art. 14(5)); for duration, workload and training minimums, only what the content measures do not already hold. Null when unknown.' }) hours: number | null;
  @Field(() => Float, { nullable: true, description: 'hours ÷ hours a month, one decimal; null when the hours are unknown.' }) months: number | null;
  @Field(() => [String], { description: 'Aptitude-test subjects, from the units’ missing outcomes.' }) testSubjects: string[];
  @Field(() => [String], { description: 'Missing outcomes the applicant’s experience covers, so left out of the measure (Art. 14(5)).' }) coveredByExperience: string[];
  @Field() note: string;
}

