import { startTestApp, TestApp } from './support/test-app';

describe('catalogue queries (GraphQL over HTTP, real PostgreSQL, seeded)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('serves at least the eight seeded qualification files', async () => {
    const r = await t.gql('{ qualifications(first: 50) { totalCount edges { node { key } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.qualifications.totalCount).toBeGreaterThanOrEqual(8);
    const keys = r.data.qualifications.edges.map((e: any) => e.node.key);
    expect(keys).toEqual(expect.arrayContaining(['nl-mbo-25656-verzorgende-ig', 'de-altpflg-altenpfleger', 'nl-mbo-software-developer']));
  });

  it('returns a full qualification file with units, outcomes in three dimensions, and sources', async () => {
    const list = await t.gql('{ qualifications(first: 5, filter: { text: "25656" }) { edges { node { id key } } } }');
    const id = list.data.qualifications.edges[0].node.id;
    const r = await t.gql(
      `query($id: ID!) { qualification(id: $id) {
        key code jurisdictionCode eqfLevel nationalLevel frameworkCode durationMonths
        titles { nl de en } title(lang: nl)
        workload { routes } sources { url }
        units { key kind title { nl } outcomes { key text lang dimension escoSkills } }
        professions { key escoOccupation }
      } }`,
      { id },
    );
    expect(r.errors).toBeUndefined();
    const q = r.data.qualification;
    expect(q).toMatchObject({ key: 'nl-mbo-25656-verzorgende-ig', code: '25656', jurisdictionCode: 'NL', eqfLevel: 3, frameworkCode: 'NLQF' });
    expect(q.workload.routes).toEqual(expect.arrayContaining(['BOL', 'BBL']));
    const dims = new Set(q.units.flatMap((u: any) => u.outcomes.map((o: any) => o.dimension)));
    expect([...dims].sort()).toEqual(['KNOWLEDGE', 'RESPONSIBILITY_AUTONOMY', 'SKILLS']);
    expect(q.sources.length).toBeGreaterThan(0);
    expect(q.professions[0].escoOccupation).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\//);
  });

  it('filters by jurisdiction (a country includes its Länder), EQF level, profession and text in any language', async () => {
    const count = async (filter: string) =>
      (await t.gql(`{ qualifications(first: 50, filter: ${filter}) { totalCount edges { node { key jurisdictionCode eqfLevel } } } }`)).data.qualifications;
    const de = await count('{ jurisdiction: "DE" }');
    expect(de.totalCount).toBeGreaterThanOrEqual(3);
    expect(de.edges.every((e: any) => e.node.jurisdictionCode.startsWith('DE'))).toBe(true);
    const eqf3 = await count('{ eqfLevel: 3 }');
    expect(eqf3.edges.map((e: any) => e.node.key)).toContain('nl-mbo-25656-verzorgende-ig');
    expect(eqf3.edges.every((e: any) => e.node.eqfLevel === 3)).toBe(true);
    const prof = await count('{ profession: "altenpfleger" }');
    // The PflBG degree (since 2020) and the AltPflG file (titles granted until 2019) both lead to the profession.
    expect(prof.edges.map((e: any) => e.node.key)).toEqual(['de-altpflg-altenpfleger', 'de-pflbg-altenpfleger']);
    // German title, Dutch title and English title each find the same file; accents are ignored.
    for (const text of ['Altenpfleger', 'ALTENPFLEGER', 'ouderenverzorg']) {
      const r = await count(`{ text: ${JSON.stringify(text)} }`);
      expect(r.edges.map((e: any) => e.node.key)).toEqual(expect.arrayContaining(['de-altpflg-altenpfleger', 'de-pflbg-altenpfleger']));
    }
    expect((await count('{ text: "zzz-no-such-qualification" }')).totalCount).toBe(0);
  });

  it('pages with Relay cursors without gaps or repeats', async () => {
    const all = (await t.gql('{ qualifications(first: 100) { edges { node { key } } } }')).data.qualifications.edges.map((e: any) => e.node.key);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: any = await t.gql('query($after: String) { qualifications(first: 3, after: $after) { edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }', { after });
      seen.push(...r.data.qualifications.edges.map((e: any) => e.node.key));
      if (!r.data.qualifications.pageInfo.hasNextPage) break;
      after = r.data.qualifications.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('lists frameworks with EQF mapping, jurisdictions and professions', async () => {
    const r = await t.gql('{ frameworks { code levels { level eqfLevel } } jurisdictions { code parentCode } professions { key escoOccupation escoNearestOnly } }');
    expect(r.errors).toBeUndefined();
    const codes = r.data.frameworks.map((f: any) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['NLQF', 'DQR', 'VKS', 'EQF']));
    const dqr = r.data.frameworks.find((f: any) => f.code === 'DQR');
    expect(dqr.levels.find((l: any) => l.level === '4').eqfLevel).toBe(4);
    const j = Object.fromEntries(r.data.jurisdictions.map((x: any) => [x.code, x.parentCode]));
    expect(j).toMatchObject({ NL: null, 'DE-NW': 'DE', 'DE-NI': 'DE', 'BE-VLG': 'BE' });
    expect(r.data.professions.find((p: any) => p.key === 'altenpfleger').escoNearestOnly).toBe(true);
  });

  it('answers bad arguments with BAD_USER_INPUT naming the field, and unknown ids with NOT_FOUND', async () => {
    const bad = await t.gql('{ qualifications(first: 5, after: "not-a-cursor") { totalCount } }');
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/after/);
    const big = await t.gql('{ qualifications(first: 100000) { totalCount } }');
    expect(big.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toMatch(/first/);
    const eqf = await t.gql('{ qualifications(filter: { eqfLevel: 9 }) { totalCount } }');
    expect(eqf.errors![0].message).toMatch(/filter\.eqfLevel/);
    const missing = await t.gql('{ qualification(id: "00000000-0000-0000-0000-000000000000") { key } }');
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    const notUuid = await t.gql('{ qualification(id: "abc") { key } }');
    expect(notUuid.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
