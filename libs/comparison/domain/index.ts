export * from './compare';
export * from './esco-labels';
export * from './policy';
export * from './types';
export { ExperienceEvidenceSchema, OutcomeRefSchema } from './inputs';
