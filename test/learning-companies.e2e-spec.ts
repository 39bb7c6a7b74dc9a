import { ISSUE_LU, learningUnitRequest, PROGRAMME, setupSchools } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';

const UPSERT = `mutation($d: LearningCompanyInput!) { upsertLearningCompany(document: $d) { key name jurisdiction recognitions { recognisingBody { name jurisdiction } programmes validFrom validUntil acceptedBy { body { name jurisdiction } validFrom } sourceUrls } } }`;
const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) { valid checks { check status reason message } } }`;
/** Test fixtures: companies and recognitions made up for this test; the sources mark them as such. */
const src = [{ url: 'https://example.org/test-fixture', title: 'Test fixture' }];
const IHK = { name: 'IHK Nord Westfalen', jurisdiction: 'DE-NW' };
const SBB = { name: 'SBB (Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven)', jurisdiction: 'NL' };
const recognised = {
  key: 'it-firma-gronau',
  name: 'IT-Firma Gronau (test fixture)',
  jurisdiction: 'DE-NW',
  location: 'Gronau',
  recognitions: [{ recognisingBody: IHK, programmes: [PROGRAMME], validFrom: '2024-01-01', sources: src }],
};
const unrecognised = { key: 'ohne-anerkennung-gmbh', name: 'Ohne Anerkennung GmbH (test fixture)', jurisdiction: 'DE-NW', recognitions: [] };

describe('recognised learning companies and the host company of a learning unit', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let nw: string, nl: string, be: string;
  const ok = async (q: string, v?: Record<string, unknown>, token?: string) => {
    const r = await t.gql(q, v, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const hostCheck = async (host: string, dates = { startDate: '2025-03-03', endDate: '2025-03-14' }) => {
    const r = learningUnitRequest({ coIssuers: [], activity: { location: 'Gronau', hostCountry: 'DE', partnerInstitution: 'bk-koenigstrasse', hostCompany: host, ...dates } });
    const issued = (await ok(ISSUE_LU, { r }, f.nlSchool)).issueLearningUnitCredential;
    expect(issued.credential.credentialSubject.hasClaim.influencedBy.hostCompany).toBe(`urn:recognition:learning-company:${host}`);
    const v = (await ok(VERIFY, { c: issued.credential })).verifyCredential;
    return { valid: v.valid, host: v.checks.filter((c: any) => c.check === 'HOST_COMPANY') };
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    nw = await t.token('expert', { jurisdictions: ['DE-NW'], subject: 'expert-nw-companies' });
    nl = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-nl-sbb' });
    be = await t.token('expert', { jurisdictions: ['BE'], subject: 'expert-be' });
  });
  afterAll(async () => t?.close());

  it('a German expert enters a company with its chamber recognition; the Dutch expert adds SBB’s acceptance and nothing else', async () => {
    expect((await ok(UPSERT, { d: recognised }, nw)).upsertLearningCompany).toMatchObject({ key: 'it-firma-gronau', recognitions: [{ recognisingBody: IHK, acceptedBy: [] }] });
    await ok(UPSERT, { d: unrecognised }, nw);
    // The Dutch expert may not change the chamber's recognition, nor enter a German company no Dutch body recognises.
    const longer = { ...recognised, recognitions: [{ ...recognised.recognitions[0], validUntil: '2030-12-31' }] };
    expect((await t.gql(UPSERT, { d: longer }, nl)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(UPSERT, { d: { ...unrecognised, key: 'other-gmbh' } }, nl)).errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/no body of theirs/) });
    const accepted = { ...recognised, recognitions: [{ ...recognised.recognitions[0], acceptedBy: [{ body: SBB, validFrom: '2025-01-01', sources: src }] }] };
    const after = (await ok(UPSERT, { d: accepted }, nl)).upsertLearningCompany;
    expect(after.recognitions[0].acceptedBy).toEqual([{ body: SBB, validFrom: '2025-01-01' }]);
    // The chamber's expert cannot withdraw SBB's acceptance.
    expect((await t.gql(UPSERT, { d: recognised }, nw)).errors![0].extensions!.code).toBe('FORBIDDEN');

    const audit = await t.dataSource.query(`SELECT action, actor FROM audit_log WHERE entity_type = 'learning-company' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'learning-company.create', actor: 'expert-nw-companies' },
      { action: 'learning-company.create', actor: 'expert-nw-companies' },
      { action: 'learning-company.update', actor: 'expert-nl-sbb' },
    ]);
    // The registry is public.
    expect((await ok('{ learningCompanies(jurisdiction: "DE") { key } }')).learningCompanies.map((c: any) => c.key)).toEqual(['it-firma-gronau', 'ohne-anerkennung-gmbh']);
    expect((await ok(`{ learningCompanies(programme: "${PROGRAMME}") { key } }`)).learningCompanies.map((c: any) => c.key)).toEqual(['it-firma-gronau']);
    expect((await ok('{ learningCompanies(jurisdiction: "NL") { key } }')).learningCompanies).toEqual([]);
    expect((await ok('{ learningCompany(key: "it-firma-gronau") { name recognitions { sourceUrls } } }')).learningCompany.recognitions[0].sourceUrls).toEqual([src[0].url]);
  });

  it('a learning unit hosted by the German company verifies with the host’s recognition reported', async () => {
    const r = await hostCheck('it-firma-gronau');
    expect(r.valid).toBe(true);
    expect(r.host).toEqual([{ check: 'HOST_COMPANY', status: 'PASS', reason: 'HOST_RECOGNISED', message: expect.stringMatching(/recognised by IHK Nord Westfalen \(DE-NW\), accepted by SBB .* \(NL\), throughout 2025-03-03 – 2025-03-14/) }]);
  });

  it('an unrecognised host is reported as such (the credential itself stays valid); before the acceptance only the German recognition held', async () => {
    const none = await hostCheck('ohne-anerkennung-gmbh');
    expect(none.valid).toBe(true);
    expect(none.host).toEqual([{ check: 'HOST_COMPANY', status: 'WARN', reason: 'HOST_NOT_RECOGNISED', message: expect.stringMatching(/had no recognition/) }]);
    const early = await hostCheck('it-firma-gronau', { startDate: '2024-10-07', endDate: '2024-10-18' });
    expect(early.host[0]).toMatchObject({ status: 'WARN', reason: 'HOST_RECOGNISED_ABROAD_ONLY' });
  });

  it('refuses bad input naming the field, unknown hosts at issuance, and callers without the role', async () => {
    const backwards = await t.gql(UPSERT, { d: { ...recognised, key: 'x-gmbh', recognitions: [{ ...recognised.recognitions[0], validUntil: '2023-01-01' }] } }, nw);
    expect(backwards.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/document\.recognitions\[0\]\.validUntil/) });
    const noSource = await t.gql(UPSERT, { d: { ...recognised, key: 'x-gmbh', recognitions: [{ ...recognised.recognitions[0], sources: [] }] } }, nw);
    expect(noSource.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/document\.recognitions\[0\]\.sources/) });
    const unknownJ = await t.gql(UPSERT, { d: { ...unrecognised, key: 'x-gmbh', jurisdiction: 'DE-XX' } }, await t.token('admin'));
    expect(unknownJ.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/document\.jurisdiction: unknown jurisdiction/) });
    const sameCountry = await t.gql(UPSERT, { d: { ...recognised, key: 'x-gmbh', recognitions: [{ ...recognised.recognitions[0], acceptedBy: [{ body: { name: 'IHK', jurisdiction: 'DE' }, validFrom: '2025-01-01', sources: src }] }] } }, nw);
    expect(sameCountry.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(UPSERT, { d: { ...unrecognised, key: 'x-gmbh' } }, be)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(UPSERT, { d: { ...unrecognised, key: 'x-gmbh' } }, f.nlSchool)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(UPSERT, { d: { ...unrecognised, key: 'x-gmbh' } })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.dataSource.query(`SELECT count(*)::int n FROM learning_company WHERE key = 'x-gmbh'`))[0].n).toBe(0);

    const unknownHost = await t.gql(ISSUE_LU, { r: learningUnitRequest({ coIssuers: [], activity: { location: 'Gronau', hostCountry: 'DE', hostCompany: 'no-such-company', startDate: '2025-03-03', endDate: '2025-03-14' } }) }, f.nlSchool);
    expect(unknownHost.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/request\.activity\.hostCompany: unknown learning company/) });
    expect((await t.gql('{ learningCompany(key: "no-such-company") { key } }')).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql('{ learningCompany(key: "Not A Key") { key } }')).errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/key/) });
    expect((await t.gql('{ learningCompanies(jurisdiction: "germany") { key } }')).errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/jurisdiction/) });
  });
});
