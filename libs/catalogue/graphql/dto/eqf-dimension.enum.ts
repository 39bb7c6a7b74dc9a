import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { EQF_DIMENSIONS } from '../../domain/qualification-file.schema';

export const EqfDimension = registerStringEnum(EQF_DIMENSIONS, 'EqfDimension', 'EQF dimension of a learning outcome.');
