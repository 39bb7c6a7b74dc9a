import { ISSUE_DIPLOMA, setupSchools } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';

const VERIFY_WITH_ADVICE = `query($c: JSON!, $a: AdviseForInput) {
  verifyCredential(credential: $c, adviseFor: $a) {
    valid authentic trusted revoked qualificationId adviceNote
    checks { check status reason }
    advice {
      route destination profession regulated lang summary steps documents
      competentAuthority { name jurisdiction url }
      referenceQualification { key }
      expectedOutcome { verdict binding basis summary compensation citation { kind id binding } }
    }
  }
}`;

describe('verification with recognition advice (one GraphQL query)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let diploma: any;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-advice-0001', learner: { givenName: 'Eva', familyName: 'Smit' }, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' } }, f.nlSchool);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    diploma = r.data.issueDiplomaCredential.credential;
  });
  afterAll(async () => t?.close());

  it('verifies a Verzorgende-IG diploma and advises an employer in NRW: Bezirksregierung Münster, partial equivalence with compensation', async () => {
    const r = await t.gql(VERIFY_WITH_ADVICE, { c: diploma, a: { jurisdiction: 'DE-NW', profession: 'altenpfleger', lang: 'de' } }, await t.token('employer'));
    expect(r.errors).toBeUndefined();
    const v = r.data.verifyCredential;
    expect(v).toMatchObject({ valid: true, authentic: true, trusted: true, revoked: false, qualificationId: f.verzorgendeId, adviceNote: null });
    expect(v.checks.filter((c: any) => c.status === 'FAIL')).toEqual([]);
    expect(v.advice).toMatchObject({
      route: 'GENERAL_SYSTEM',
      destination: 'DE-NW',
      profession: 'altenpfleger',
      regulated: true,
      lang: 'de',
      competentAuthority: { name: expect.stringMatching(/ZAG-PuG.*Bezirksregierung Münster/), jurisdiction: 'DE-NW' },
      referenceQualification: { key: 'de-pflbg-altenpfleger' },
      expectedOutcome: { verdict: 'PARTIAL', binding: false, basis: 'COMPARISON', citation: { kind: 'COMPARISON', binding: false } },
    });
    expect(v.advice.summary).toMatch(/Altenpfleger\/in ist in Nordrhein-Westfalen reglementiert/);
    expect(v.advice.steps[0]).toMatch(/Bezirksregierung Münster/);
    expect(v.advice.expectedOutcome.compensation.join(' ')).toMatch(/Anpassungslehrgang/);
    // Verification is public: the comparison behind the advice was computed for it and not stored.
    expect(v.advice.expectedOutcome.citation.id).toBeNull();
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM comparison_report')).toEqual([{ n: 0 }]);
  });

  it('gives no advice when none is asked for, and none for a credential that does not verify', async () => {
    const plain = (await t.gql(VERIFY_WITH_ADVICE, { c: diploma })).data.verifyCredential;
    expect(plain).toMatchObject({ valid: true, advice: null, adviceNote: null });
    const tampered = structuredClone(diploma);
    tampered.credentialSubject.familyName = 'Jansen';
    const v = (await t.gql(VERIFY_WITH_ADVICE, { c: tampered, a: { jurisdiction: 'DE-NW', profession: 'altenpfleger' } })).data.verifyCredential;
    expect(v).toMatchObject({ valid: false, advice: null });
    expect(v.adviceNote).toMatch(/did not verify/);
  });

  it('refuses an invalid destination with BAD_USER_INPUT', async () => {
    const r = await t.gql(VERIFY_WITH_ADVICE, { c: diploma, a: { jurisdiction: 'Nordrhein-Westfalen' } });
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/destination/);
  });
});
