import { plainInput } from './plain-input';

describe('plainInput', () => {
  it('turns Dates (from date-time scalars) back into ISO strings, at any depth, and leaves the rest as it is', () => {
    const coerced = Object.assign(Object.create(null), {
      validUntil: new Date('2030-01-01T01:00:00+01:00'),
      learner: { givenName: 'Sanne', dateOfBirth: '2005-04-12' },
      outcomes: [{ at: new Date(0), skills: [] }],
      regulated: null,
      eqfLevel: 4,
    });
    const plain = plainInput(coerced);
    expect(plain).toEqual({
      validUntil: '2030-01-01T00:00:00.000Z',
      learner: { givenName: 'Sanne', dateOfBirth: '2005-04-12' },
      outcomes: [{ at: '1970-01-01T00:00:00.000Z', skills: [] }],
      regulated: null,
      eqfLevel: 4,
    });
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  });
});
