import { DEFAULT_POLICY } from '../../../comparison/domain/policy';
import { PolicyParamsSchema } from '../../../comparison/domain/policy';
import { DEFAULT_POLICY_V2 } from './1765094400000-default-policy-v2';

describe('default policy version 2', () => {
  it('stores exactly the engine’s default parameters, with the engine’s id', () => {
    expect(PolicyParamsSchema.parse(DEFAULT_POLICY_V2.params)).toEqual(DEFAULT_POLICY.params);
    expect(DEFAULT_POLICY_V2.id).toBe(DEFAULT_POLICY.id);
    expect(DEFAULT_POLICY.version).toBe(2);
  });
});
