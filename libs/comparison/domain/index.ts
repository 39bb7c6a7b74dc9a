export * from './compare';
export * from './policy';
export * from './types';
export { ExperienceEvidenceSchema, OutcomeRefSchema } from './inputs';
