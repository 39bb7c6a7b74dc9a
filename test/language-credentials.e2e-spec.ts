import { setupSchools } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';

const ISSUE_DIPLOMA = `mutation($r: IssueDiplomaCredentialInput!) { issueDiplomaCredential(request: $r) { id credential } }`;
const ISSUE_LANGUAGE = `mutation($r: IssueLanguageAchievementCredentialInput!) { issueLanguageAchievementCredential(request: $r) { id type credential } }`;
const ISSUE_KEUZEDEEL = `mutation($r: IssueKeuzedeelCredentialInput!) { issueKeuzedeelCredential(request: $r) { id type credential } }`;
const HOLDER = `query($c: [JSON!]!, $a: AdviseForInput!) { recognitionRouteForCredentials(credentials: $c, adviseFor: $a) {
  qualificationId adviceNote credentials { index valid use note types }
  advice { route profession languageRequirement { language requiredLevel status skills summary evidence missing { skill required shown } shown { skill level } sourceUrls } } } }`;
const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) { valid types checks { check status reason } } }`;
const learner = { id: 'did:example:sanne', givenName: 'Sanne', familyName: 'de Vries' };
const all = (l: string) => ({ listening: l, reading: l, speaking: l, writing: l });

describe('language certificates, keuzedelen and the language requirement in route advice', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let diploma: unknown;
  const ok = async (q: string, v?: Record<string, unknown>, token?: string) => {
    const r = await t.gql(q, v, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const language = async (key: string, levels: Record<string, string>, who = learner) =>
    (await ok(ISSUE_LANGUAGE, { r: { idempotencyKey: key, learner: who, language: 'de', scheme: 'Goethe-Zertifikat (test fixture)', assessingBody: 'Goethe-Institut', levels, assessmentDate: '2025-05-20' } }, f.deSchool))
      .issueLanguageAchievementCredential.credential;
  const advice = async (credentials: unknown[]) => (await ok(HOLDER, { c: credentials, a: { jurisdiction: 'DE-NW', profession: 'altenpfleger' } })).recognitionRouteForCredentials;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    diploma = (await ok(ISSUE_DIPLOMA, { r: { idempotencyKey: 'vig-diploma-lang-1', learner, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' } }, f.nlSchool)).issueDiplomaCredential.credential;
  });
  afterAll(async () => t?.close());

  it('the seeded registry records that German is required, with its source, and leaves the unstated level empty', async () => {
    const reg = (await ok('{ regulatedProfessions(profession: "altenpfleger", jurisdiction: "DE-NW") { languageRequirement { language level skills sourceUrls notes } } }')).regulatedProfessions[0];
    expect(reg.languageRequirement).toMatchObject({ language: 'de', level: null, skills: ['listening', 'reading', 'speaking', 'writing'] });
    expect(reg.languageRequirement.sourceUrls).toContain('https://www.gesetze-im-internet.de/pflbg/__2.html');
    expect(reg.languageRequirement.notes).toMatch(/without naming a CEFR level/);
    const b2 = await language('lang-seeded-b2', all('B2'));
    const a = await advice([diploma, b2]);
    expect(a.advice.languageRequirement).toMatchObject({ status: 'LEVEL_UNKNOWN', requiredLevel: null, missing: [] });
    expect(a.advice.languageRequirement.summary).toMatch(/level is not recorded here.*speaking B2/);
  });

  describe('with a B2 requirement recorded for DE-NW (test fixture)', () => {
    beforeAll(async () => {
      const UPSERT = `mutation($d: RegulatedProfessionInput!) { upsertRegulatedProfession(document: $d) { id languageRequirement { level } } }`;
      const doc = (await ok('{ regulatedProfessions(profession: "altenpfleger", jurisdiction: "DE-NW") { document } }')).regulatedProfessions[0].document;
      const d = { ...doc, languageRequirement: { ...doc.languageRequirement, level: 'B2', notes: 'Test fixture: level B2 recorded by the test.' } };
      const nw = await t.token('expert', { jurisdictions: ['DE-NW'], subject: 'expert-nw-registry' });
      expect((await t.gql(UPSERT, { d: { ...d, languageRequirement: { ...d.languageRequirement, sources: [] } } }, nw)).errors![0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
        message: expect.stringMatching(/document\.languageRequirement\.sources/),
      });
      expect((await t.gql(UPSERT, { d }, await t.token('expert', { jurisdictions: ['NL'] }))).errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await ok(UPSERT, { d }, nw)).upsertRegulatedProfession.languageRequirement.level).toBe('B2');
    });

    it('a German B2 certificate and a Verzorgende-IG diploma: the language requirement is met', async () => {
      const b2 = await language('lang-b2-0001', all('B2'));
      const a = await advice([diploma, b2]);
      expect(a.qualificationId).toBe(f.verzorgendeId);
      expect(a.credentials.map((c: any) => [c.valid, c.use])).toEqual([
        [true, 'DIPLOMA'],
        [true, 'LANGUAGE'],
      ]);
      expect(a.advice.languageRequirement).toMatchObject({ language: 'de', requiredLevel: 'B2', status: 'MET', missing: [], evidence: [(b2 as any).id] });
      expect(a.advice.languageRequirement.summary).toMatch(/^Language requirement met/);
    });

    it('with B1 it says which level is missing', async () => {
      const b1 = await language('lang-b1-0001', all('B1'));
      const a = await advice([diploma, b1]);
      expect(a.advice.languageRequirement.status).toBe('NOT_MET');
      expect(a.advice.languageRequirement.missing).toEqual(['listening', 'reading', 'speaking', 'writing'].map((skill) => ({ skill, required: 'B2', shown: 'B1' })));
      expect(a.advice.languageRequirement.summary).toContain('missing: listening B2 (shown B1)');
    });

    it('ignores a certificate of another holder, and a diploma is needed for advice', async () => {
      const other = await language('lang-other-0001', all('C1'), { id: 'did:example:someone-else', givenName: 'Jan', familyName: 'Jansen' });
      const a = await advice([diploma, other]);
      expect(a.credentials[1]).toMatchObject({ valid: true, use: 'NOT_USED', note: expect.stringMatching(/another holder/) });
      expect(a.advice.languageRequirement.status).toBe('NOT_SHOWN');
      const none = await advice([other]);
      expect(none).toMatchObject({ advice: null, qualificationId: null, adviceNote: expect.stringMatching(/no valid diploma/) });
      const tampered = JSON.parse(JSON.stringify(await language('lang-tampered-0001', all('B1'))));
      tampered.credentialSubject.hasClaim.cefrLevel = all('C2');
      const t2 = await advice([diploma, tampered]);
      expect(t2.credentials[1]).toMatchObject({ valid: false, use: 'NOT_USED' });
      expect(t2.advice.languageRequirement.status).toBe('NOT_SHOWN');
    });
  });

  it('language certificates and keuzedelen verify; bad input names the field; only schools issue', async () => {
    const b2 = await language('lang-verify-0001', { speaking: 'B2', writing: 'B1' });
    expect((b2 as any).credentialSubject.hasClaim).toMatchObject({ type: 'LanguageAchievement', language: 'de', assessingBody: 'Goethe-Institut', cefrLevel: { speaking: 'B2', writing: 'B1' } });
    const v = (await ok(VERIFY, { c: b2 })).verifyCredential;
    expect(v).toMatchObject({ valid: true, types: ['VerifiableCredential', 'LanguageAchievementCredential'] });

    const keuzedeel = { idempotencyKey: 'kd-duits-0001', learner, code: 'K0001', title: { nl: 'Duits in de beroepscontext (testgegeven)' }, hours: 240, level: 4, completionDate: '2025-06-30' };
    const kd = (await ok(ISSUE_KEUZEDEEL, { r: keuzedeel }, f.nlSchool)).issueKeuzedeelCredential;
    expect(kd.type).toBe('KeuzedeelCredential');
    expect(kd.credential.credentialSubject.hasClaim.specifiedBy).toMatchObject({ keuzedeelCode: 'K0001', volumeOfLearningHours: 240, nationalLevel: '4', framework: 'NLQF' });
    expect((await ok(VERIFY, { c: kd.credential })).verifyCredential.valid).toBe(true);

    const badCode = await t.gql(ISSUE_KEUZEDEEL, { r: { ...keuzedeel, idempotencyKey: 'kd-bad-0001', code: '123' } }, f.nlSchool);
    expect(badCode.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/request\.code/) });
    const badLevel = await t.gql(ISSUE_KEUZEDEEL, { r: { ...keuzedeel, idempotencyKey: 'kd-bad-0002', level: 7 } }, f.nlSchool);
    expect(badLevel.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/request\.level/) });
    const noLevels = await t.gql(ISSUE_LANGUAGE, { r: { idempotencyKey: 'lang-bad-0001', learner, language: 'de', scheme: 'x', assessingBody: 'y', levels: {}, assessmentDate: '2025-05-20' } }, f.deSchool);
    expect(noLevels.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/request\.levels/) });
    const badEnum = await t.gql(ISSUE_LANGUAGE, { r: { idempotencyKey: 'lang-bad-0002', learner, language: 'de', scheme: 'x', assessingBody: 'y', levels: { speaking: 'B7' }, assessmentDate: '2025-05-20' } }, f.deSchool);
    expect(badEnum.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    expect((await t.gql(ISSUE_KEUZEDEEL, { r: { ...keuzedeel, idempotencyKey: 'kd-emp-0001' } }, await t.token('employer'))).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(ISSUE_KEUZEDEEL, { r: { ...keuzedeel, idempotencyKey: 'kd-anon-0001' } })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const audit = await t.dataSource.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'credential.issue' AND entity_id = $1`, [kd.id]);
    expect(audit[0].n).toBe(1);

    expect((await t.gql(HOLDER, { c: [], a: { jurisdiction: 'DE-NW' } })).errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/credentials/) });
  });
});
