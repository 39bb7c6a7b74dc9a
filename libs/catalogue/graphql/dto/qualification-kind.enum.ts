import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { QUALIFICATION_KINDS } from '../../domain/qualification-file.schema';

export const QualificationKind = registerStringEnum(QUALIFICATION_KINDS, 'QualificationKind');
