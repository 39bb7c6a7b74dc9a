import { z } from 'zod';
import { LocalizedTextSchema, SourceSchema } from './qualification-file.schema';

const jurisdictionCode = z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'must be a code such as NL, DE-NW or BE-VLG');

export const JurisdictionSchema = z
  .object({
    code: jurisdictionCode,
    parent: jurisdictionCode.optional(),
    type: z.enum(['STATE', 'LAND', 'COMMUNITY', 'REGION']),
    name: LocalizedTextSchema,
    sources: z.array(SourceSchema).default([]),
    notes: z.string().max(4000).optional(),
  })
  .strict();

export const FrameworkLevelSchema = z
  .object({
    level: z.string().min(1).max(20),
    /** Null where the national level has no EQF counterpart (e.g. the NLQF entry level). */
    eqfLevel: z.number().int().min(1).max(8).nullable(),
    description: LocalizedTextSchema.optional(),
    notes: z.string().max(4000).optional(),
  })
  .strict();

export const FrameworkSchema = z
  .object({
    code: z.string().min(2).max(20),
    name: LocalizedTextSchema,
    jurisdiction: jurisdictionCode.optional(),
    dimensions: z.array(z.string().min(1).max(100)).default([]),
    levels: z.array(FrameworkLevelSchema).min(1),
    sources: z.array(SourceSchema).default([]),
    notes: z.string().max(4000).optional(),
  })
  .strict();

export const ProfessionSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
    title: LocalizedTextSchema,
    escoOccupation: z
      .string()
      .regex(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/, 'must be an ESCO occupation URI')
      .optional(),
    /** True when the ESCO concept is only the nearest one, not an exact match. */
    escoNearestOnly: z.boolean().default(false),
    jurisdiction: jurisdictionCode.optional(),
    sources: z.array(SourceSchema).default([]),
    notes: z.string().max(4000).optional(),
  })
  .strict();

export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;
export type FrameworkLevel = z.infer<typeof FrameworkLevelSchema>;
export type Profession = z.infer<typeof ProfessionSchema>;
