import { sameHolder } from './holder-advice.service';

describe('same holder', () => {
  it('compares ids when both have one, else names (case and spaces ignored)', () => {
    expect(sameHolder({ id: 'did:example:a', givenName: 'Sanne' }, { id: 'did:example:a', givenName: 'Other' })).toBe(true);
    expect(sameHolder({ id: 'did:example:a', givenName: 'Sanne', familyName: 'de Vries' }, { id: 'did:example:b', givenName: 'Sanne', familyName: 'de Vries' })).toBe(false);
    expect(sameHolder({ givenName: 'Sanne ', familyName: 'De Vries' }, { id: 'did:example:b', givenName: 'sanne', familyName: 'de vries' })).toBe(true);
    expect(sameHolder({ givenName: 'Sanne', familyName: 'de Vries' }, { givenName: 'Sanne', familyName: 'Jansen' })).toBe(false);
    expect(sameHolder({}, {})).toBe(false);
  });
});
