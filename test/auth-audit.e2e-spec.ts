import { startTestApp, TestApp } from './support/test-app';

const UPSERT = `mutation($document: JSON!) { upsertQualification(document: $document) { created changed qualification { id key version titles { en } } } }`;
const EXPORT = `query($id: ID!) { exportQualification(id: $id) }`;

describe('mutations: roles, scope and the audit log', () => {
  let t: TestApp;
  let nlId: string;
  let deId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const list = await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }');
    const byKey = Object.fromEntries(list.data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
    nlId = byKey['nl-mbo-software-developer'];
    deId = byKey['de-altpflg-altenpfleger'];
  });
  afterAll(async () => t?.close());

  async function exported(id: string) {
    return (await t.gql(EXPORT, { id })).data.exportQualification;
  }

  it('refuses a mutation without a token with UNAUTHENTICATED, and a garbage token too', async () => {
    const doc = await exported(nlId);
    const r = await t.gql(UPSERT, { document: doc });
    expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const g = await t.gql(UPSERT, { document: doc }, 'not.a.jwt');
    expect(g.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(g.body)).not.toMatch(/stack|at .*\.ts:/);
  });

  it('refuses employers and schools with FORBIDDEN', async () => {
    const doc = await exported(nlId);
    for (const token of [await t.token('employer'), await t.token('school', { institution: 'roc-x' })]) {
      const r = await t.gql(UPSERT, { document: { ...doc, notes: 'changed' } }, token);
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const retire = await t.gql('mutation($id: ID!) { retireQualification(id: $id, reason: "x") { id } }', { id: nlId }, await t.token('employer'));
    expect(retire.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses an NL expert editing a DE qualification, including moving it to NL', async () => {
    const nlExpert = await t.token('expert', { jurisdictions: ['NL'] });
    const de = await exported(deId);
    const r = await t.gql(UPSERT, { document: { ...de, notes: 'NL edit' } }, nlExpert);
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(r.errors![0].message).toMatch(/jurisdiction/);
    const moved = await t.gql(UPSERT, { document: { ...de, jurisdiction: 'NL', framework: 'NLQF', nationalLevel: '4' } }, nlExpert);
    expect(moved.errors![0].extensions!.code).toBe('FORBIDDEN');
    const retire = await t.gql('mutation($id: ID!) { retireQualification(id: $id, reason: "x") { id } }', { id: deId }, nlExpert);
    expect(retire.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await exported(deId)).toEqual(de);
  });

  it('lets an NL expert edit an NL file, and a DE expert a DE-NW one; each edit is audited with before and after', async () => {
    const nlExpert = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-anna' });
    const before = await exported(nlId);
    const edited = { ...before, notes: `${before.notes ?? ''} Reviewed.`.trim() };
    const r = await t.gql(UPSERT, { document: edited }, nlExpert);
    expect(r.errors).toBeUndefined();
    expect(r.data.upsertQualification).toMatchObject({ created: false, changed: true, qualification: { id: nlId, version: 2 } });

    // The same document again changes nothing and writes no audit entry.
    const again = await t.gql(UPSERT, { document: edited }, nlExpert);
    expect(again.data.upsertQualification).toMatchObject({ changed: false });

    const admin = await t.token('admin');
    const log = await t.gql(
      `query($id: String) { auditLog(entityType: "qualification", entityId: $id, first: 10) { totalCount edges { node { actor actorRole action before after } } } }`,
      { id: nlId },
      admin,
    );
    expect(log.errors).toBeUndefined();
    const updates = log.data.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.action === 'qualification.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actor: 'expert-anna', actorRole: 'expert' });
    expect(updates[0].before.notes).toBe(before.notes);
    expect(updates[0].after.notes).toBe(edited.notes);

    const deExpert = await t.token('expert', { jurisdictions: ['DE'] });
    const created = await t.gql(UPSERT, { document: { ...(await exported(deId)), key: 'de-nw-test-file', jurisdiction: 'DE-NW', code: undefined } }, deExpert);
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertQualification.created).toBe(true);
  });

  it('retires a qualification (audited), hides it from default lists, and refuses a second retirement', async () => {
    const nlExpert = await t.token('expert', { jurisdictions: ['NL'] });
    const id = (await t.gql('{ qualifications(first: 1, filter: { text: "HBO-V" }) { edges { node { id } } } }')).data.qualifications.edges[0].node.id;
    const r = await t.gql('mutation($id: ID!) { retireQualification(id: $id, reason: "replaced by new dossier") { retiredAt retiredReason } }', { id }, nlExpert);
    expect(r.errors).toBeUndefined();
    expect(r.data.retireQualification.retiredReason).toBe('replaced by new dossier');
    const visible = await t.gql('{ qualifications(first: 50, filter: { text: "HBO-V" }) { totalCount } all: qualifications(first: 50, filter: { text: "HBO-V", includeRetired: true }) { totalCount } }');
    expect(visible.data.qualifications.totalCount).toBe(0);
    expect(visible.data.all.totalCount).toBe(1);
    const twice = await t.gql('mutation($id: ID!) { retireQualification(id: $id, reason: "again") { id } }', { id }, nlExpert);
    expect(twice.errors![0].extensions!.code).toBe('CONFLICT');
    const log = await t.gql(`query($id: String) { auditLog(entityId: $id) { edges { node { action } } } }`, { id }, await t.token('admin'));
    expect(log.data.auditLog.edges.map((e: any) => e.node.action)).toContain('qualification.retire');
  });

  it('keeps the audit log for admins only, and append-only in the database', async () => {
    const r = await t.gql('{ auditLog { totalCount } }', undefined, await t.token('expert', { jurisdictions: ['NL'] }));
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    await expect(t.dataSource.query('UPDATE audit_log SET actor = $1', ['mallory'])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('rejects an invalid document with BAD_USER_INPUT naming the path, writing nothing', async () => {
    const nlExpert = await t.token('expert', { jurisdictions: ['NL'] });
    const doc = await exported(nlId);
    const count = async () => (await t.dataSource.query('SELECT (SELECT count(*) FROM qualification) q, (SELECT count(*) FROM learning_outcome) o, (SELECT count(*) FROM audit_log) a'))[0];
    const before = await count();
    const bad = structuredClone(doc);
    const u = bad.units.findIndex((x: any) => x.outcomes.length > 0);
    delete bad.units[u].outcomes[0].dimension;
    const r = await t.gql(UPSERT, { document: { ...bad, key: 'nl-new-file', code: undefined } }, nlExpert);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain(`document.units[${u}].outcomes[0].dimension`);
    const eqf = await t.gql(UPSERT, { document: { ...doc, eqfLevel: 5 } }, nlExpert);
    expect(eqf.errors![0].message).toMatch(/document\.eqfLevel: NLQF level 4 maps to EQF 4/);
    const dup = await t.gql(UPSERT, { document: { ...(await exported(nlId)), key: 'nl-dup', code: undefined, jurisdiction: 'NL' } }, nlExpert);
    expect(dup.errors).toBeUndefined(); // no code: no clash
    expect(await count()).toMatchObject({ q: String(Number(before.q) + 1) });
  });
});
