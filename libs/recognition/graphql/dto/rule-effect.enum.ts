import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { RULE_EFFECTS } from '../../domain/schemas';

export const RecognitionRuleEffect = registerStringEnum(RULE_EFFECTS, 'RecognitionRuleEffect', 'What a recognition rule does where it applies.');
