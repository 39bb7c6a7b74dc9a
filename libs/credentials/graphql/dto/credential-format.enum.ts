import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { LearningUnitRequestSchema } from '../../domain/credential-request.schema';

export const CredentialFormat = registerStringEnum(
  LearningUnitRequestSchema.shape.format.unwrap().options,
  'CredentialFormat',
  'DATA_INTEGRITY (eddsa-rdfc-2022 proof set) or JWT (VC-JOSE).',
);
