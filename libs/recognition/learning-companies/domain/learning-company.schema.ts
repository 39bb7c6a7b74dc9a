import { z } from 'zod';
import { SourceSchema } from '../../../catalogue/domain/qualification-file.schema';
import { isoDate } from '../../domain/schemas';

export const COMPANY_KEY = /^[a-z0-9][a-z0-9._-]{0,119}$/;
const key = z.string().min(1).max(120).regex(COMPANY_KEY, 'must be lower-case letters, digits, ".", "_" or "-"');
const jurisdiction = z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'must be a jurisdiction code such as NL, DE-NW or BE-VLG');

/** A body that recognises companies: SBB in the Netherlands, a chamber (IHK, HWK) in Germany. */
export const RecognisingBodySchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    jurisdiction,
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .strict();
export type RecognisingBody = z.infer<typeof RecognisingBodySchema>;

const validity = { validFrom: isoDate, validUntil: isoDate.optional() };
const ordered = (r: { validFrom: string; validUntil?: string }) => !r.validUntil || r.validUntil >= r.validFrom;
const orderMessage = { path: ['validUntil'], message: 'must not be before validFrom' };

/** The other country's body accepting a recognition (a German company accepted by SBB, for example). */
export const AcceptanceSchema = z
  .object({ body: RecognisingBodySchema, ...validity, sources: z.array(SourceSchema).min(1, 'an acceptance needs a source').max(20) })
  .strict()
  .refine(ordered, orderMessage);

/**
 * One recognition of a company to host learners. An empty scope (no qualification and no programme) covers
 * every qualification and programme of the body.
 */
export const CompanyRecognitionSchema = z
  .object({
    recognisingBody: RecognisingBodySchema,
    qualificationKeys: z.array(key).max(200).default([]),
    programmes: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    ...validity,
    acceptedBy: z.array(AcceptanceSchema).max(10).default([]),
    sources: z.array(SourceSchema).min(1, 'a recognition needs a source').max(20),
    notes: z.string().max(4000).optional(),
  })
  .strict()
  .refine(ordered, orderMessage);
export type CompanyRecognition = z.infer<typeof CompanyRecognitionSchema>;

/** A company recognised to host learners (SBB "erkend leerbedrijf", a chamber's Ausbildungsbetrieb). */
export const LearningCompanySchema = z
  .object({
    key,
    name: z.string().trim().min(1).max(300),
    /** Where the company is. */
    jurisdiction,
    location: z.string().trim().min(1).max(300).optional(),
    recognitions: z.array(CompanyRecognitionSchema).max(50).default([]),
    notes: z.string().max(4000).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    c.recognitions.forEach((r, i) =>
      r.acceptedBy.forEach((a, j) => {
        if (a.body.jurisdiction.slice(0, 2) === r.recognisingBody.jurisdiction.slice(0, 2)) {
          ctx.addIssue({ code: 'custom', path: ['recognitions', i, 'acceptedBy', j, 'body', 'jurisdiction'], message: 'an acceptance is by a body of another country than the recognising body' });
        }
      }),
    );
  });
export type LearningCompany = z.infer<typeof LearningCompanySchema>;
