import { z } from 'zod';

const escoSkillUri = z.string().regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'must be an ESCO skill URI');
const key = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');

export const ExperienceEvidenceSchema = z
  .object({
    description: z.string().max(2000).optional(),
    escoSkills: z.array(escoSkillUri).min(1).max(100),
    years: z.number().finite().min(0).max(60),
  })
  .strict();

export const OutcomeRefSchema = z.object({ unitKey: key, outcomeKey: key }).strict();
