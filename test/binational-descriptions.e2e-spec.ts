import { startTestApp, TestApp } from './support/test-app';

const FIELDS = 'id key version status kind title author pendingCountries publishedAt supersededBy languages approvals { approver country } sides { jurisdiction qualificationKeys professions } text { lang canDo workSettings differences }';
const DRAFT = `mutation($d: BinationalDescriptionInput!) { draftBinationalDescription(document: $d) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveBinationalDescription(id: $id) { ${FIELDS} } }`;
const ROUTE = `query($q: ID!, $d: String!, $lang: Language) { recognitionRoute(qualificationId: $q, destination: $d, lang: $lang) {
  route authorisedDescriptions { id key version title publishedAt text { lang canDo workSettings differences } } alternatives { authorisedDescriptions { id } } } }`;

/** Test fixture: the text is illustrative, written for this test. */
const VIG_DE_NW = {
  key: 'vig-de-nw',
  title: { nl: 'Verzorgende-IG in Noordrijn-Westfalen', de: 'Verzorgende-IG in Nordrhein-Westfalen', en: 'Verzorgende-IG in North Rhine-Westphalia' },
  sides: [
    { jurisdiction: 'NL', qualificationKeys: ['nl-mbo-25656-verzorgende-ig'], professions: ['verzorgende-ig'] },
    { jurisdiction: 'DE-NW', professions: ['altenpfleger'] },
  ],
  content: {
    de: { canDo: ['Grundpflege und Unterstützung im Alltag (Testtext)'], workSettings: ['Ambulante Pflege', 'Stationäre Altenhilfe'], differences: ['Kein Pflegefachberuf nach PflBG (Testtext)'] },
    en: { canDo: ['Basic care and support in daily life (test text)'] },
  },
  notes: 'Test fixture.',
};

describe('authorised binational descriptions', () => {
  let t: TestApp;
  let vig: string;
  let nl1: string, nl2: string, de1: string, be1: string, school: string;
  const ok = async (q: string, v?: Record<string, unknown>, token?: string) => {
    const r = await t.gql(q, v, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };

  beforeAll(async () => {
    t = await startTestApp();
    nl1 = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-nl-1' });
    nl2 = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-nl-2' });
    de1 = await t.token('expert', { jurisdictions: ['DE-NW'], subject: 'expert-nw-1' });
    be1 = await t.token('expert', { jurisdictions: ['BE'], subject: 'expert-be-1' });
    school = await t.token('school', { institution: 'alfa-college', subject: 'registrar' });
    const list = await ok('{ qualifications(first: 50) { edges { node { id key } } } }');
    vig = list.qualifications.edges.find((e: any) => e.node.key === 'nl-mbo-25656-verzorgende-ig').node.id;
  });
  afterAll(async () => t?.close());

  it('an NL expert drafts; the author cannot approve alone; a DE and a second NL expert publish it; route advice cites it', async () => {
    const before = await ok(ROUTE, { q: vig, d: 'DE-NW' });
    expect(before.recognitionRoute.authorisedDescriptions).toEqual([]);

    const draft = (await ok(DRAFT, { d: VIG_DE_NW }, nl1)).draftBinationalDescription;
    expect(draft).toMatchObject({ key: 'vig-de-nw', version: 1, status: 'DRAFT', author: 'expert-nl-1', pendingCountries: ['NL', 'DE'], approvals: [], languages: ['de', 'en'] });

    // Drafts are not public, nor readable by experts of another jurisdiction.
    const one = `query($id: ID!) { binationalDescription(id: $id) { id status } }`;
    expect((await t.gql(one, { id: draft.id })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(one, { id: draft.id }, be1)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await ok('{ binationalDescriptions { id } }')).binationalDescriptions).toEqual([]);
    expect((await ok('{ binationalDescriptions { id } }', undefined, be1)).binationalDescriptions).toEqual([]);
    expect((await ok(one, { id: draft.id }, de1)).binationalDescription.status).toBe('DRAFT');

    // The author cannot approve; nor a school, nor an expert of a third country.
    const byAuthor = await t.gql(APPROVE, { id: draft.id }, nl1);
    expect(byAuthor.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(byAuthor.errors![0].message).toMatch(/author/);
    expect((await t.gql(APPROVE, { id: draft.id }, school)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(APPROVE, { id: draft.id }, be1)).errors![0].extensions!.code).toBe('NOT_FOUND');

    const afterDe = (await ok(APPROVE, { id: draft.id }, de1)).approveBinationalDescription;
    expect(afterDe).toMatchObject({ status: 'DRAFT', pendingCountries: ['NL'], approvals: [{ approver: 'expert-nw-1', country: 'DE' }] });
    expect((await t.gql(APPROVE, { id: draft.id }, de1)).errors![0].extensions!.code).toBe('CONFLICT');
    expect((await ok(ROUTE, { q: vig, d: 'DE-NW' })).recognitionRoute.authorisedDescriptions).toEqual([]);

    const published = (await ok(APPROVE, { id: draft.id }, nl2)).approveBinationalDescription;
    expect(published).toMatchObject({ status: 'PUBLISHED', pendingCountries: [], approvals: [{ country: 'DE' }, { approver: 'expert-nl-2', country: 'NL' }] });
    expect(published.publishedAt).toBeTruthy();
    expect((await ok(one, { id: draft.id })).binationalDescription.status).toBe('PUBLISHED');

    const route = (await ok(ROUTE, { q: vig, d: 'DE-NW', lang: 'de' })).recognitionRoute;
    expect(route.authorisedDescriptions).toEqual([
      {
        id: draft.id,
        key: 'vig-de-nw',
        version: 1,
        title: 'Verzorgende-IG in Nordrhein-Westfalen',
        publishedAt: expect.any(String),
        text: { lang: 'de', canDo: VIG_DE_NW.content.de.canDo, workSettings: VIG_DE_NW.content.de.workSettings, differences: VIG_DE_NW.content.de.differences },
      },
    ]);
    expect(route.alternatives.every((a: any) => a.authorisedDescriptions.map((d: any) => d.id).join() === draft.id)).toBe(true);
    // Not for another Land, nor for another destination country.
    expect((await ok(ROUTE, { q: vig, d: 'DE-NI' })).recognitionRoute.authorisedDescriptions).toEqual([]);
    expect((await ok(ROUTE, { q: vig, d: 'BE-VLG' })).recognitionRoute.authorisedDescriptions).toEqual([]);

    const audit = await t.dataSource.query(`SELECT action, actor FROM audit_log WHERE entity_type = 'binational-description' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'binational-description.draft', actor: 'expert-nl-1' },
      { action: 'binational-description.approve', actor: 'expert-nw-1' },
      { action: 'binational-description.approve', actor: 'expert-nl-2' },
      { action: 'binational-description.publish', actor: 'expert-nl-2' },
    ]);
  });

  it('a new version is drafted, approved and supersedes the published one', async () => {
    const v1 = (await ok('{ binationalDescriptions(key: "vig-de-nw", status: "PUBLISHED") { id version } }')).binationalDescriptions[0];
    const v2 = (await ok(DRAFT, { d: { ...VIG_DE_NW, content: { nl: { canDo: ['Basiszorg (testtekst)'] } } } }, de1)).draftBinationalDescription;
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', author: 'expert-nw-1' });
    expect((await t.gql(DRAFT, { d: VIG_DE_NW }, nl1)).errors![0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/document\.key/) });
    // The DE author needs another DE expert.
    await ok(APPROVE, { id: v2.id }, nl1);
    expect((await t.gql(APPROVE, { id: v2.id }, de1)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const de2 = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-de-2' });
    expect((await ok(APPROVE, { id: v2.id }, de2)).approveBinationalDescription.status).toBe('PUBLISHED');
    const all = (await ok('{ binationalDescriptions(key: "vig-de-nw") { id version status supersededBy } }')).binationalDescriptions;
    expect(all).toEqual([
      { id: v2.id, version: 2, status: 'PUBLISHED', supersededBy: null },
      { id: v1.id, version: 1, status: 'SUPERSEDED', supersededBy: v2.id },
    ]);
    expect((await ok(ROUTE, { q: vig, d: 'DE-NW', lang: 'en' })).recognitionRoute.authorisedDescriptions.map((d: any) => [d.version, d.text.lang])).toEqual([[2, 'nl']]);
    // Approving a published description is a conflict.
    expect((await t.gql(APPROVE, { id: v2.id }, nl2)).errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('refuses bad input with the field named, and drafts outside the expert’s scope', async () => {
    const bad = await t.gql(DRAFT, { d: { ...VIG_DE_NW, key: 'vig-x', sides: [VIG_DE_NW.sides[0], { jurisdiction: 'NL', professions: ['nope'] }], content: {} } }, nl1);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/document\.sides\[1\]\.jurisdiction/);
    expect(bad.errors![0].message).toMatch(/document\.content/);
    const unknown = await t.gql(DRAFT, { d: { ...VIG_DE_NW, key: 'vig-y', sides: [{ jurisdiction: 'NL', qualificationKeys: ['no-such-qualification'] }, VIG_DE_NW.sides[1]] } }, nl1);
    expect(unknown.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/document\.sides\[0\]\.qualificationKeys\[0\]: unknown qualification/) });
    const wrongSide = await t.gql(DRAFT, { d: { ...VIG_DE_NW, key: 'vig-w', sides: [VIG_DE_NW.sides[0], { jurisdiction: 'DE-NW', qualificationKeys: ['nl-mbo-verpleegkundige'] }] } }, nl1);
    expect(wrongSide.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/document\.sides\[1\]\.qualificationKeys\[0\]: "nl-mbo-verpleegkundige" is a qualification of NL/) });
    expect((await t.gql(DRAFT, { d: { ...VIG_DE_NW, key: 'vig-z' } }, be1)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(DRAFT, { d: { ...VIG_DE_NW, key: 'vig-z' } }, school)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(DRAFT, { d: { ...VIG_DE_NW, key: 'vig-z' } })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ binationalDescriptions(status: "LIVE") { id } }')).errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/status/) });
    expect((await t.gql('{ binationalDescription(id: "nope") { id } }')).errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/id/) });
    expect((await t.dataSource.query(`SELECT count(*)::int n FROM binational_description WHERE key LIKE 'vig-_'`))[0].n).toBe(0);
  });
});
