import { jurisdictionInScope } from './actor';

describe('jurisdictionInScope', () => {
  it('lets a country scope cover its sub-jurisdictions, not the other way round', () => {
    expect(jurisdictionInScope(['DE'], 'DE-NW')).toBe(true);
    expect(jurisdictionInScope(['DE-NW'], 'DE')).toBe(false);
    expect(jurisdictionInScope(['NL'], 'DE')).toBe(false);
    expect(jurisdictionInScope(['NL'], 'NLX')).toBe(false);
    expect(jurisdictionInScope([], 'NL')).toBe(false);
  });
});
