import { addCoIssuerProof } from '../libs/credentials/domain/proofs';
import { IssuerService } from '../libs/credentials/issuer.service';
import { CredentialLoader } from '../libs/credentials/loader.provider';
import { learningUnitRequest, ISSUE_DIPLOMA, ISSUE_LU, PROGRAMME, setupSchools, VERIFY } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';

describe('credentials: issue, co-sign, verify, revoke (real keys, real PostgreSQL)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
  });
  afterAll(async () => t?.close());

  const verify = async (c: unknown) => {
    const r = await t.gql(VERIFY, { c });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.verifyCredential;
  };
  const failed = (v: any) => v.checks.filter((c: any) => c.status === 'FAIL').map((c: any) => `${c.check}:${c.reason}`);

  it('issues a diploma that verifies, linked to its catalogue qualification', async () => {
    const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-0001-sanne', learner: { givenName: 'Sanne', familyName: 'de Vries' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    expect(r.errors).toBeUndefined();
    const vc = r.data.issueDiplomaCredential.credential;
    expect(vc.issuer.id).toBe(f.nl.did);
    expect(vc.credentialStatus.map((s: any) => s.statusPurpose).sort()).toEqual(['revocation', 'suspension']);
    const v = await verify(vc);
    expect(failed(v)).toEqual([]);
    expect(v).toMatchObject({ valid: true, authentic: true, trusted: true, revoked: false, qualificationId: f.softwareDeveloperId });
    expect(v.checks.map((c: any) => c.check)).toEqual(['FORMAT', 'SCHEMA', 'PROOF', 'ISSUER', 'ACCREDITATION', 'STATUS', 'VALIDITY']);

    const tampered = structuredClone(vc);
    tampered.credentialSubject.familyName = 'Jansen';
    const tv = await verify(tampered);
    expect(tv.valid).toBe(false);
    expect(failed(tv)).toContain('PROOF:SIGNATURE_INVALID');
  });

  it('is idempotent: a retry returns the same credential; a different request with the key is a CONFLICT', async () => {
    const req = { idempotencyKey: 'dipl-0002-retry', learner: { givenName: 'Ali', familyName: 'Yilmaz' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' };
    const a = await t.gql(ISSUE_DIPLOMA, { r: req }, f.nlSchool);
    const b = await t.gql(ISSUE_DIPLOMA, { r: req }, f.nlSchool);
    expect(a.data.issueDiplomaCredential.created).toBe(true);
    expect(b.data.issueDiplomaCredential).toMatchObject({ id: a.data.issueDiplomaCredential.id, created: false });
    const c = await t.gql(ISSUE_DIPLOMA, { r: { ...req, learner: { givenName: 'Other', familyName: 'Person' } } }, f.nlSchool);
    expect(c.errors![0].extensions!.code).toBe('CONFLICT');
    expect(c.errors![0].message).toMatch(/request\.idempotencyKey/);
  });

  it('a retry gets its earlier credential even when the checks would now refuse it; a new request is refused', async () => {
    const req = { idempotencyKey: 'dipl-retry-after-withdrawal', learner: { givenName: 'Noor', familyName: 'Jansen' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' };
    const first = await t.gql(ISSUE_DIPLOMA, { r: req }, f.nlSchool);
    expect(first.data.issueDiplomaCredential.created).toBe(true);
    // An UPDATE through TypeORM answers [rows, count].
    const [ended]: [Array<{ id: string; valid_until: string | null }>, number] = await t.dataSource.query(
      `UPDATE accreditation a SET valid_until = now() - interval '1 day' FROM (SELECT id, valid_until FROM accreditation WHERE institution_id = $1) old
       WHERE a.id = old.id RETURNING a.id, old.valid_until`,
      [f.nl.id],
    );
    expect(ended.length).toBeGreaterThan(0);
    try {
      const retry = await t.gql(ISSUE_DIPLOMA, { r: req }, f.nlSchool);
      expect(retry.errors).toBeUndefined();
      expect(retry.data.issueDiplomaCredential).toMatchObject({ id: first.data.issueDiplomaCredential.id, created: false });
      const fresh = await t.gql(ISSUE_DIPLOMA, { r: { ...req, idempotencyKey: 'dipl-after-withdrawal' } }, f.nlSchool);
      expect(fresh.errors![0].extensions!.code).toBe('FORBIDDEN');
      const reused = await t.gql(ISSUE_DIPLOMA, { r: { ...req, learner: { givenName: 'Other', familyName: 'Person' } } }, f.nlSchool);
      expect(reused.errors![0].extensions!.code).toBe('CONFLICT');
    } finally {
      for (const a of ended) await t.dataSource.query('UPDATE accreditation SET valid_until = $2 WHERE id = $1', [a.id, a.valid_until]);
    }
  });

  it('revokes, suspends and reinstates, with the status read from the signed status list', async () => {
    const issue = async (key: string) =>
      (await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: key, learner: { givenName: 'Eva', familyName: 'Smit' }, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' } }, f.nlSchool)).data.issueDiplomaCredential;
    const a = await issue('dipl-status-a');
    const rev = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "issued in error") { status } }', { id: a.id }, f.nlSchool);
    expect(rev.data.revokeCredential.status).toBe('REVOKED');
    const va = await verify(a.credential);
    expect(va).toMatchObject({ valid: false, revoked: true, authentic: true });
    expect(failed(va)).toEqual(['STATUS:REVOKED']);

    const b = await issue('dipl-status-b');
    await t.gql('mutation($id: ID!) { suspendCredential(id: $id, reason: "under investigation") { status } }', { id: b.id }, f.nlSchool);
    expect(await verify(b.credential)).toMatchObject({ valid: false, suspended: true, revoked: false });
    await t.gql('mutation($id: ID!) { reinstateCredential(id: $id, reason: "cleared") { status } }', { id: b.id }, f.nlSchool);
    expect(await verify(b.credential)).toMatchObject({ valid: true, suspended: false });

    // Only the issuing school or an admin may change status; each change is audited.
    const c = await issue('dipl-status-c');
    const foreign = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "x") { status } }', { id: c.id }, f.deSchool);
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    const employer = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "x") { status } }', { id: c.id }, await t.token('employer'));
    expect(employer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const byAdmin = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "fraud") { status } }', { id: c.id }, f.admin);
    expect(byAdmin.data.revokeCredential.status).toBe('REVOKED');
    const log = await t.gql('query($id: String) { auditLog(entityId: $id) { edges { node { action after } } } }', { id: a.id }, f.admin);
    expect(log.data.auditLog.edges.map((e: any) => e.node.action)).toEqual(expect.arrayContaining(['credential.issue', 'credential.revoke']));
  });

  it('checks the status list\'s own signature: a list altered in storage makes the status unavailable', async () => {
    const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-tampered-list', learner: { givenName: 'Lea', familyName: 'Peters' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    const vc = r.data.issueDiplomaCredential.credential;
    expect((await verify(vc)).valid).toBe(true);
    const listId = vc.credentialStatus[0].statusListCredential.split('/').pop();
    const [row] = await t.dataSource.query('SELECT credential FROM status_list WHERE id = $1', [listId]);
    const altered = structuredClone(row.credential);
    altered.validFrom = '2020-01-01T00:00:00Z';
    await t.dataSource.query('UPDATE status_list SET credential = $2 WHERE id = $1', [listId, altered]);
    try {
      const v = await verify(vc);
      expect(v.valid).toBe(false);
      expect(failed(v)).toEqual(['STATUS:STATUS_UNAVAILABLE']);
    } finally {
      await t.dataSource.query('UPDATE status_list SET credential = $2 WHERE id = $1', [listId, row.credential]);
    }
    expect((await verify(vc)).valid).toBe(true);
  });

  it('reports an expired credential', async () => {
    const validUntil = new Date(Date.now() + 1500).toISOString();
    const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-expiring', learner: { givenName: 'Tim', familyName: 'Bakker' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01', validUntil } }, f.nlSchool);
    expect(r.errors).toBeUndefined();
    await new Promise((res) => setTimeout(res, 2000));
    const v = await verify(r.data.issueDiplomaCredential.credential);
    expect(v).toMatchObject({ valid: false, expired: true, authentic: true });
    expect(failed(v)).toEqual(['VALIDITY:EXPIRED']);
  });

  it('co-signs a binational learning unit: valid only with both schools\' proofs', async () => {
    const issued = await t.gql(ISSUE_LU, { r: learningUnitRequest() }, f.nlSchool);
    expect(issued.errors).toBeUndefined();
    const one = issued.data.issueLearningUnitCredential;
    expect(one.coIssuers).toEqual([f.de.did]);
    const before = await verify(one.credential);
    expect(before.valid).toBe(false);
    expect(failed(before)).toEqual(['CO_ISSUERS:CO_ISSUER_PROOF_MISSING']);

    const cos = await t.gql('mutation($id: ID!) { cosignCredential(id: $id) { credential cosignedBy } }', { id: one.id }, f.deSchool);
    expect(cos.errors).toBeUndefined();
    const both = cos.data.cosignCredential.credential;
    expect(both.proof).toHaveLength(2);
    const v = await verify(both);
    expect(failed(v)).toEqual([]);
    expect(v.valid).toBe(true);
    const proofChecks = v.checks.filter((c: any) => c.check === 'PROOF');
    expect(proofChecks.map((c: any) => c.subject.split('#')[0]).sort()).toEqual([f.nl.did, f.de.did].sort());
    expect(v.checks.filter((c: any) => c.check === 'ACCREDITATION' && c.status === 'PASS')).toHaveLength(2);

    // Remove the partner's proof: fails with the reason.
    const stripped = structuredClone(both);
    stripped.proof = stripped.proof.filter((p: any) => !p.verificationMethod.startsWith(f.de.did));
    expect(failed(await verify(stripped))).toEqual(['CO_ISSUERS:CO_ISSUER_PROOF_MISSING']);

    // A school that is not named cannot co-sign.
    const intruder = await t.gql('mutation($id: ID!) { cosignCredential(id: $id) { id } }', { id: one.id }, f.otherSchool);
    expect(intruder.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('lets a co-issuing school with a did:key identity read and co-sign the credential; other schools may not read it', async () => {
    const reg = await t.gql('mutation { registerInstitution(id: "bk-schluessel", name: "Berufskolleg Schlüssel", jurisdiction: "DE-NW", type: "SCHOOL", didMethod: "key") { did } }', undefined, f.admin);
    expect(reg.errors).toBeUndefined();
    expect(reg.data.registerInstitution.did).toMatch(/^did:key:z6Mk/);
    const deExpert = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-de-2' });
    const acc = await t.gql('mutation($input: AccreditationInput!) { recordAccreditation(input: $input) { id } }', { input: { institutionId: 'bk-schluessel', scope: 'LEARNING_UNIT_PROGRAMME', programme: PROGRAMME, sourceUrl: 'https://www.berufskolleg-koenigstrasse.de/', validFrom: '2024-01-01' } }, deExpert);
    expect(acc.errors).toBeUndefined();
    const keySchool = await t.token('school', { institution: 'bk-schluessel', subject: 'registrar-schluessel' });

    const issued = await t.gql(ISSUE_LU, { r: learningUnitRequest({ idempotencyKey: 'lu-did-key-co-issuer', coIssuers: ['bk-schluessel'] }) }, f.nlSchool);
    expect(issued.errors).toBeUndefined();
    const id = issued.data.issueLearningUnitCredential.id;
    expect(issued.data.issueLearningUnitCredential.coIssuers).toEqual([reg.data.registerInstitution.did]);
    const READ = 'query($id: ID!) { credential(id: $id) { id coIssuers } }';
    const read = await t.gql(READ, { id }, keySchool);
    expect(read.errors).toBeUndefined();
    expect(read.data.credential.id).toBe(id);
    expect((await t.gql('mutation($id: ID!) { cosignCredential(id: $id) { cosignedBy } }', { id }, keySchool)).errors).toBeUndefined();
    expect((await t.gql(READ, { id }, f.deSchool)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(READ, { id }, f.otherSchool)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('fails a co-signed credential whose co-issuer is not accredited', async () => {
    const issued = await t.gql(ISSUE_LU, { r: learningUnitRequest({ coIssuers: ['roc-unaccredited'] }) }, f.nlSchool);
    expect(issued.errors).toBeUndefined();
    // The partner signs with its own key outside this service's co-sign API (which would refuse it).
    const key = await t.app.get(IssuerService).signingKey('roc-unaccredited');
    const signed = await addCoIssuerProof(issued.data.issueLearningUnitCredential.credential, key, t.app.get(CredentialLoader).load);
    const v = await verify(signed);
    expect(v.valid).toBe(false);
    expect(failed(v)).toEqual(['ACCREDITATION:NOT_ACCREDITED']);
    expect(v.checks.find((c: any) => c.reason === 'NOT_ACCREDITED').message).toMatch(/roc-unaccredited.*move-it-binational-2025/);
    const refused = await t.gql('mutation($id: ID!) { cosignCredential(id: $id) { id } }', { id: issued.data.issueLearningUnitCredential.id }, f.otherSchool);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('issues and verifies VC-JOSE JWTs; a changed payload fails', async () => {
    const r = await t.gql(ISSUE_LU, { r: learningUnitRequest({ format: 'JWT', coIssuers: [] }) }, f.nlSchool);
    expect(r.errors).toBeUndefined();
    const jwt = r.data.issueLearningUnitCredential.jwt as string;
    expect(jwt.split('.')).toHaveLength(3);
    const v = await verify(jwt);
    expect(failed(v)).toEqual([]);
    expect(v.valid).toBe(true);
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.credentialSubject.givenName = 'Mallory';
    const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    const fv = await verify(forged);
    expect(fv.valid).toBe(false);
    expect(failed(fv)[0]).toBe('PROOF:SIGNATURE_INVALID');
  });

  it('refuses issuance outside accreditation, as another institution, and by non-schools', async () => {
    const none = await t.gql(ISSUE_LU, { r: learningUnitRequest({ coIssuers: [] }) }, f.otherSchool);
    expect(none.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(none.errors![0].message).toMatch(/not accredited to award learning-unit programme/);
    const diploma = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-not-accredited', learner: { givenName: 'A', familyName: 'B' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.otherSchool);
    expect(diploma.errors![0].extensions!.code).toBe('FORBIDDEN');
    const asOther = await t.gql(ISSUE_LU, { r: learningUnitRequest(), issuer: 'alfa-college' }, f.deSchool);
    expect(asOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(asOther.errors![0].message).toMatch(/cannot issue as "alfa-college"/);
    for (const token of [await t.token('employer'), await t.token('expert', { jurisdictions: ['NL'] }), undefined]) {
      const r = await t.gql(ISSUE_LU, { r: learningUnitRequest() }, token);
      expect(r.errors![0].extensions!.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    const count = await t.dataSource.query("SELECT count(*)::int AS n FROM issued_credential WHERE institution_id = 'roc-unaccredited'");
    expect(count[0].n).toBe(0);
  });

  it('rejects malformed requests with BAD_USER_INPUT naming the field, writing nothing', async () => {
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential'))[0].n;
    const bad = await t.gql(ISSUE_LU, { r: learningUnitRequest({ eqfLevel: 9, outcomes: [{ text: '', lang: 'nl', dimension: 'SKILLS' }] }) }, f.nlSchool);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/request\.eqfLevel/);
    expect(bad.errors![0].message).toMatch(/request\.outcomes\[0\]\.text/);
    // A missing required field is refused by the typed input itself (400), before the resolver runs.
    const missing = await t.gql(ISSUE_LU, { r: learningUnitRequest({ outcomes: [{ text: 'x', lang: 'nl' }] }) }, f.nlSchool);
    expect({ status: missing.status, code: missing.errors![0].extensions!.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(missing.errors![0].message).toMatch(/"r\.outcomes\[0\]".*"dimension"/);
    const unknownPartner = await t.gql(ISSUE_LU, { r: learningUnitRequest({ coIssuers: ['nope-school'] }) }, f.nlSchool);
    expect(unknownPartner.errors![0].message).toMatch(/request\.coIssuers\[0\]: unknown institution/);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential'))[0].n).toBe(before);
  });

  it('serves DID documents, status lists (with cache headers) and the context; never leaks private keys', async () => {
    const did = await fetch(`${t.baseUrl}/issuers/alfa-college/did.json`);
    expect(did.status).toBe(200);
    const doc: any = await did.json();
    expect(doc.id).toBe(f.nl.did);
    expect(doc.verificationMethod[0]).toMatchObject({ type: 'Multikey', controller: f.nl.did });
    expect(JSON.stringify(doc)).not.toMatch(/secret|privateKey/i);
    const issued = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-docs', learner: { givenName: 'K', familyName: 'L' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    const listUrl: string = issued.data.issueDiplomaCredential.credential.credentialStatus[0].statusListCredential;
    const list = await fetch(`${t.baseUrl}${new URL(listUrl).pathname}`);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const listVc: any = await list.json();
    expect(listVc.type).toContain('BitstringStatusListCredential');
    expect(listVc.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    const ctx = await fetch(`${t.baseUrl}/contexts/recognition/v1`);
    expect((await ctx.json() as any)['@context'].LearningAchievement).toBe('elm:LearningAchievement');
    const rows = await t.dataSource.query('SELECT secret_key_jwe FROM issuer_key');
    expect(rows.every((r: any) => r.secret_key_jwe.split('.').length === 5)).toBe(true);
    const inst = await t.gql('{ institution(id: "alfa-college") { did keys { id publicKeyMultibase } } }');
    expect(JSON.stringify(inst.body)).not.toMatch(/secret|jwe/i);
  });

  it('rotates keys: old credentials still verify, new ones use the new key', async () => {
    const old = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-before-rotation', learner: { givenName: 'R', familyName: 'S' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    const rotated = await t.gql('mutation { rotateIssuerKey(institutionId: "alfa-college") }', undefined, f.nlSchool);
    expect(rotated.data.rotateIssuerKey).toBe(`${f.nl.did}#key-2`);
    const fresh = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'dipl-after-rotation', learner: { givenName: 'R', familyName: 'S' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    expect(fresh.data.issueDiplomaCredential.credential.proof.verificationMethod).toBe(`${f.nl.did}#key-2`);
    expect((await verify(old.data.issueDiplomaCredential.credential)).valid).toBe(true);
    expect((await verify(fresh.data.issueDiplomaCredential.credential)).valid).toBe(true);
    const other = await t.gql('mutation { rotateIssuerKey(institutionId: "alfa-college") }', undefined, f.deSchool);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
