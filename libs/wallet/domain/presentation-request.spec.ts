import { dcqlQueryOf, pickFields, presentationOutcome, presentationStatus, PresentationRequestSpec, requestProblems } from './presentation-request';

const base: PresentationRequestSpec = { kind: 'DIPLOMA', qualificationKey: 'nl-mbo-25656-verzorgende-ig', fields: ['givenName', 'achievement.specifiedBy.title'], jurisdiction: 'DE-NW', profession: 'altenpfleger' };
const claims = { iss: 'did:web:x', givenName: 'Eva', familyName: 'Smit', achievement: { specifiedBy: { title: 'Verzorgende IG', catalogueKey: 'nl-mbo-25656-verzorgende-ig' } } };
const pass = { verified: true, checks: [] };

describe('presentation requests (pure)', () => {
  it('builds a DCQL query: the kind\'s vct, holder binding, the qualification claim restricted to the key asked for, then the fields', () => {
    expect(dcqlQueryOf(base, 'https://recog.example')).toEqual({
      credentials: [
        {
          id: 'diploma',
          format: 'dc+sd-jwt',
          meta: { vct_values: ['https://recog.example/vct/diploma'] },
          require_cryptographic_holder_binding: true,
          claims: [{ path: ['achievement', 'specifiedBy', 'catalogueKey'], values: ['nl-mbo-25656-verzorgende-ig'] }, { path: ['givenName'] }, { path: ['achievement', 'specifiedBy', 'title'] }],
        },
      ],
    });
    const lu = dcqlQueryOf({ kind: 'LEARNING_UNIT', fields: ['familyName', 'achievement.specifiedBy.programme'], jurisdiction: 'NL' }, 'https://recog.example');
    expect(lu.credentials[0]).toMatchObject({ id: 'learning_unit', meta: { vct_values: ['https://recog.example/vct/learning-unit'] } });
    // No programme asked for: any value; the programme path is not listed twice.
    expect(lu.credentials[0].claims).toEqual([{ path: ['achievement', 'specifiedBy', 'programme'] }, { path: ['familyName'] }]);
  });

  it('names the field of each problem in a request', () => {
    expect(requestProblems(base)).toEqual([]);
    const fields = (p: ReturnType<typeof requestProblems>) => p.map((x) => x.field);
    expect(fields(requestProblems({ ...base, fields: [] }))).toEqual(['input.fields']);
    expect(fields(requestProblems({ ...base, fields: ['cnf.jwk', 'givenName', 'a..b', 'givenName'] }))).toEqual(['input.fields[0]', 'input.fields[2]', 'input.fields[3]']);
    expect(fields(requestProblems({ ...base, programme: 'x' }))).toEqual(['input.programme']);
    expect(fields(requestProblems({ ...base, jurisdiction: 'Nordrhein-Westfalen', validForMinutes: 0 }))).toEqual(['input.jurisdiction', 'input.validForMinutes']);
  });

  it('keeps only the requested fields of what was disclosed', () => {
    expect(pickFields(claims, ['givenName', 'achievement.specifiedBy.title', 'dateOfBirth'])).toEqual({ disclosed: { givenName: 'Eva', achievement: { specifiedBy: { title: 'Verzorgende IG' } } }, missing: ['dateOfBirth'] });
  });

  it('maps a report to an outcome: verified with the fields, or refused with the first failed validity check, another qualification or a withheld field', () => {
    expect(presentationOutcome(base, pass, claims)).toEqual({ status: 'VERIFIED', reason: null, message: null, disclosed: { givenName: 'Eva', achievement: { specifiedBy: { title: 'Verzorgende IG' } } }, missing: [] });
    const failed = {
      verified: false,
      checks: [
        { check: 'ISSUER' as const, status: 'FAIL' as const, reason: 'ISSUER_NOT_IN_TRUST_REGISTRY', message: 'x' },
        { check: 'KEY_BINDING' as const, status: 'FAIL' as const, reason: 'NONCE_MISMATCH', message: 'another nonce' },
      ],
    };
    expect(presentationOutcome(base, failed, claims)).toMatchObject({ status: 'REFUSED', reason: 'NONCE_MISMATCH', disclosed: {} });
    expect(presentationOutcome({ ...base, qualificationKey: 'nl-mbo-software-developer' }, pass, claims)).toMatchObject({ status: 'REFUSED', reason: 'QUALIFICATION_MISMATCH' });
    expect(presentationOutcome({ ...base, fields: ['familyName', 'dateOfBirth'] }, pass, claims)).toMatchObject({ status: 'REFUSED', reason: 'FIELDS_NOT_DISCLOSED', missing: ['dateOfBirth'] });
  });

  it('reads a pending request past its expiry as EXPIRED', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(presentationStatus({ status: 'PENDING', expires_at: new Date('2026-12-01T09:59:59Z') }, now)).toBe('EXPIRED');
    expect(presentationStatus({ status: 'PENDING', expires_at: new Date('2026-12-01T10:05:00Z') }, now)).toBe('PENDING');
    expect(presentationStatus({ status: 'VERIFIED', expires_at: new Date('2026-12-01T09:00:00Z') }, now)).toBe('VERIFIED');
  });
});
