import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { REGIMES } from '../../domain/schemas';

export const RegulationRegime = registerStringEnum(REGIMES, 'RegulationRegime', 'How a profession is regulated in a jurisdiction.');
