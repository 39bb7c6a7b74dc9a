import { z } from 'zod';
import { LocalizedTextSchema, SourceSchema } from '../../../catalogue/domain/qualification-file.schema';

const key = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');
const jurisdiction = z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'must be a jurisdiction code such as NL, DE-NW or BE-VLG');
const lines = z.array(z.string().trim().min(1).max(2000)).max(50);

export const DESCRIPTION_KINDS = ['QUALIFICATION', 'PROFESSION', 'OCCUPATIONAL_LANDSCAPE'] as const;
export const DESCRIPTION_LANGS = ['nl', 'de', 'en'] as const;
export type DescriptionLang = (typeof DESCRIPTION_LANGS)[number];

/** One country's side: its qualifications and/or profession (catalogue keys). */
export const DescriptionSideSchema = z
  .object({
    jurisdiction,
    qualificationKeys: z.array(key).max(50).default([]),
    professions: z.array(key).max(50).default([]),
  })
  .strict()
  .refine((s) => s.qualificationKeys.length + s.professions.length > 0, 'needs at least one qualification key or profession');
export type DescriptionSide = z.infer<typeof DescriptionSideSchema>;

/** What an employer on the other side reads, in one language. */
export const DescriptionTextSchema = z
  .object({
    /** What the holder can do. */
    canDo: lines.min(1, 'needs at least one line'),
    workSettings: lines.default([]),
    /** Differences between the two sides that matter to an employer. */
    differences: lines.default([]),
  })
  .strict();
export type DescriptionText = z.infer<typeof DescriptionTextSchema>;

/**
 * An authorised binational description ("geautoriseerde beschrijving"): a qualification or profession of
 * one country described for the other, approved by experts of both.
 */
export const BinationalDescriptionSchema = z
  .object({
    key,
    kind: z.enum(DESCRIPTION_KINDS).default('QUALIFICATION'),
    title: LocalizedTextSchema,
    /** Exactly two sides, of two different countries. */
    sides: z.array(DescriptionSideSchema).length(2, 'needs exactly two sides'),
    content: z
      .object({ nl: DescriptionTextSchema.optional(), de: DescriptionTextSchema.optional(), en: DescriptionTextSchema.optional() })
      .strict()
      .refine((c) => Object.values(c).some((v) => v !== undefined), 'needs at least one language (nl, de or en)'),
    sources: z.array(SourceSchema).max(50).default([]),
    notes: z.string().max(8000).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const [a, b] = d.sides;
    if (a && b && countryOf(a.jurisdiction) === countryOf(b.jurisdiction)) ctx.addIssue({ code: 'custom', path: ['sides', 1, 'jurisdiction'], message: 'the two sides must be of two different countries' });
  });
export type BinationalDescription = z.infer<typeof BinationalDescriptionSchema>;

/** DE-NW → DE, BE-VLG → BE. */
export const countryOf = (jurisdiction: string) => jurisdiction.slice(0, 2);
