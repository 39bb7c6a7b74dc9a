import { createHash, randomBytes } from 'node:crypto';
import { Openid4vciIssuer } from '@openid4vc/openid4vci';
import { decodeProtectedHeader, compactVerify, importJWK } from 'jose';
import { ISSUE_DIPLOMA, ISSUE_LU, learningUnitRequest, setupSchools, VERIFY } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';
import { deferred, issuerJwk, sdJwtVerifier, TestWallet } from './support/test-wallet';

const OFFER = `mutation($id: ID!, $h: Int) { createCredentialOffer(credentialId: $id, validForHours: $h) { id credentialId learner offerUri txCode expiresAt configurationIds qrSvg qrPng } }`;
const COHORT = `mutation($ids: [ID!]!) { createCredentialOffers(credentialIds: $ids) { cohortId csv offers { id credentialId offerUri txCode } } }`;

describe('OpenID4VCI: a wallet receives its diploma', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let issuerUrl: string;
  let wallet: TestWallet;
  let diplomaId: string;
  const issueDiploma = async (key: string, format = 'DATA_INTEGRITY') => {
    const r = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: key, format, learner: { givenName: 'Sanne', familyName: 'de Vries', dateOfBirth: '2005-04-12' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.issueDiplomaCredential.id as string;
  };
  const offer = async (id: string) => {
    const r = await t.gql(OFFER, { id }, f.nlSchool);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.createCredentialOffer;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    issuerUrl = (await (await fetch(`${t.baseUrl}/.well-known/openid-credential-issuer`)).json() as any).credential_issuer;
    wallet = await TestWallet.create({ from: issuerUrl, to: t.baseUrl });
    diplomaId = await issueDiploma('wallet-dipl-1');
  });
  afterAll(async () => t?.close());

  it('serves issuer metadata that the library\'s OpenID4VCI schema accepts, listing each credential type per format', async () => {
    const metadata = (await (await fetch(`${t.baseUrl}/.well-known/openid-credential-issuer`)).json()) as any;
    const validator = new Openid4vciIssuer({ callbacks: {} as never });
    expect(() => validator.createCredentialIssuerMetadata(metadata)).not.toThrow();
    // The same validator refuses a broken copy, so the check above can fail.
    expect(() => validator.createCredentialIssuerMetadata({ ...metadata, credential_endpoint: 'not a url' })).toThrow();
    const configs = metadata.credential_configurations_supported;
    expect(Object.keys(configs).sort()).toEqual(
      ['diploma_jwt_vc_json', 'diploma_ldp_vc', 'diploma_sd_jwt', 'learning_unit_jwt_vc_json', 'learning_unit_ldp_vc', 'learning_unit_sd_jwt', 'recognition_statement_jwt_vc_json', 'recognition_statement_ldp_vc'].sort(),
    );
    expect(configs.diploma_sd_jwt).toMatchObject({ format: 'dc+sd-jwt', vct: `${issuerUrl}/vct/diploma`, cryptographic_binding_methods_supported: ['jwk'] });
    expect(configs.diploma_ldp_vc).toMatchObject({ format: 'ldp_vc', credential_definition: { type: ['VerifiableCredential', 'DiplomaCredential'] } });
    const as = (await (await fetch(`${t.baseUrl}/.well-known/oauth-authorization-server`)).json()) as any;
    expect(as).toMatchObject({ issuer: issuerUrl, token_endpoint: `${issuerUrl}/oid4vci/token`, grant_types_supported: ['urn:ietf:params:oauth:grant-type:pre-authorized_code'] });
    expect((await fetch(`${t.baseUrl}/vct/diploma`)).status).toBe(200);
  });

  it('a school offers only its own credentials; others are refused with a code and the field', async () => {
    const employer = await t.gql(OFFER, { id: diplomaId }, await t.token('employer'));
    expect(employer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const other = await t.gql(OFFER, { id: diplomaId }, f.deSchool);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const unknown = await t.gql(OFFER, { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' }, f.nlSchool);
    expect(unknown.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toMatch(/credentialId/);
    const ttl = await t.gql(OFFER, { id: diplomaId, h: 0 }, f.nlSchool);
    expect(ttl.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(ttl.errors![0].message).toMatch(/validForHours/);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM wallet_offer'))[0].n).toBe(0);
  });

  it('the wallet redeems the offer with its tx_code and receives the diploma as dc+sd-jwt, jwt_vc_json and ldp_vc, bound to its key', async () => {
    const o = await offer(diplomaId);
    expect(o.offerUri).toMatch(/^openid-credential-offer:\/\/\?credential_offer=/);
    expect(o.txCode).toMatch(/^\d{6}$/);
    expect(o.offerUri).not.toContain(o.txCode === '000000' ? 'never' : `"${o.txCode}"`);
    expect(o.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(Buffer.from(o.qrPng.replace(/^data:image\/png;base64,/, ''), 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(o.configurationIds.sort()).toEqual(['diploma_jwt_vc_json', 'diploma_ldp_vc', 'diploma_sd_jwt']);
    expect(o.learner).toBe('Sanne de Vries');

    const tok = await wallet.token(o.offerUri, o.txCode);
    expect(tok.error).toBeUndefined();
    const { metadata } = tok as { metadata: any };
    const access = tok.ok!.access_token;
    const nonce = tok.ok!.c_nonce as string;
    const issuerKey = await issuerJwk(t.baseUrl, f.nl.id);

    // dc+sd-jwt: verified by the wallet with @sd-jwt, holder key in cnf, personal fields hidden until disclosed.
    const sd = await wallet.credential({ metadata, accessToken: access, nonce, configurationId: 'diploma_sd_jwt' });
    expect(sd.error).toBeUndefined();
    const sdJwt = sd.ok!.credentials![0].credential as string;
    const verifier = sdJwtVerifier(issuerKey, { from: issuerUrl, to: t.baseUrl });
    const verified = await verifier.verify(sdJwt);
    expect(verified.payload).toMatchObject({ iss: f.nl.did, vct: `${issuerUrl}/vct/diploma`, cnf: { jwk: { kty: 'OKP', crv: 'Ed25519', x: wallet.publicJwk.x } }, dateOfBirth: '2005-04-12', givenName: 'Sanne' });
    expect((verified.payload as any).achievement.specifiedBy.catalogueKey).toBe('nl-mbo-software-developer');
    expect((verified.payload as any).status.status_list.uri).toMatch(new RegExp(`^${issuerUrl}/status/[0-9a-f-]{36}/token$`));
    const signedPart = JSON.parse(Buffer.from(sdJwt.split('~')[0].split('.')[1], 'base64url').toString('utf8'));
    expect(JSON.stringify(signedPart)).not.toContain('2005-04-12');
    expect(signedPart._sd.length).toBeGreaterThanOrEqual(3);
    const presented = await verifier.present(sdJwt, { givenName: true } as never);
    const shown = (await verifier.verify(presented)).payload as Record<string, unknown>;
    expect(shown.givenName).toBe('Sanne');
    expect(shown.dateOfBirth).toBeUndefined();
    expect(shown.familyName).toBeUndefined();
    const tampered = sdJwt.replace(/^([^.]+)\.([^.]+)/, (_m, h, p) => `${h}.${Buffer.from(JSON.stringify({ ...signedPart, vct: 'x' })).toString('base64url')}`);
    await expect(verifier.verify(tampered)).rejects.toThrow();

    // jwt_vc_json: the VC-JOSE credential, subject id the wallet's did:jwk.
    const jw = await wallet.credential({ metadata, accessToken: access, nonce, configurationId: 'diploma_jwt_vc_json', asDid: true });
    expect(jw.error).toBeUndefined();
    const jwt = jw.ok!.credentials![0].credential as string;
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'EdDSA', kid: `${f.nl.did}#key-1` });
    const vc = JSON.parse(new TextDecoder().decode((await compactVerify(jwt, await importJWK(issuerKey, 'EdDSA'))).payload));
    expect(vc).toMatchObject({ id: diplomaId, type: ['VerifiableCredential', 'DiplomaCredential'], credentialSubject: { id: wallet.didJwk, dateOfBirth: '2005-04-12' } });

    // ldp_vc: the Data Integrity credential, re-signed with the holder bound; the employer's verification passes.
    const ld = await wallet.credential({ metadata, accessToken: access, nonce, configurationId: 'diploma_ldp_vc', asDid: true });
    expect(ld.error).toBeUndefined();
    const ldp = ld.ok!.credentials![0].credential as any;
    expect(ldp).toMatchObject({ id: diplomaId, credentialSubject: { id: wallet.didJwk }, proof: { cryptosuite: 'eddsa-rdfc-2022' } });
    for (const c of [ldp, jwt]) {
      const v = (await t.gql(VERIFY, { c })).data.verifyCredential;
      expect({ valid: v.valid, revoked: v.revoked, credentialId: v.credentialId }).toEqual({ valid: true, revoked: false, credentialId: diplomaId });
    }

    // Each format once per offer; the used pre-authorized code is refused.
    const again = await wallet.credential({ metadata, accessToken: access, nonce, configurationId: 'diploma_ldp_vc', asDid: true });
    expect(again.error).toMatchObject({ error: 'credential_request_denied' });
    const reuse = await wallet.token(o.offerUri, o.txCode);
    expect(reuse.error).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/already used/) });

    const audit = await t.dataSource.query("SELECT action FROM audit_log WHERE entity_type IN ('wallet_offer','credential') AND (entity_id = $1 OR entity_id = $2) ORDER BY id", [o.id, diplomaId]);
    const actions = audit.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a === 'wallet.offer.redeem')).toHaveLength(1);
    expect(actions.filter((a: string) => a === 'wallet.credential.deliver')).toHaveLength(3);
    // The wallet holds no account: it is named by the offer it used, as a wallet, never with a user role.
    const parties = await t.dataSource.query("SELECT DISTINCT actor, actor_role FROM audit_log WHERE action IN ('wallet.offer.redeem', 'wallet.credential.deliver') AND (entity_id = $1 OR after->>'offerId' = $1)", [o.id]);
    expect(parties).toEqual([{ actor: `wallet:offer:${o.id}`, actor_role: 'wallet' }]);
  });

  it('a proof with another nonce or a request without a valid access token is refused; batch requests give one credential per proof', async () => {
    const o = await offer(diplomaId);
    const tok = await wallet.token(o.offerUri, o.txCode);
    const { metadata } = tok as { metadata: any };
    const wrongNonce = await wallet.credential({ metadata, accessToken: tok.ok!.access_token, nonce: randomBytes(16).toString('base64url'), configurationId: 'diploma_sd_jwt' });
    expect(wrongNonce.error).toMatchObject({ error: 'invalid_nonce' });
    // A nonce from the nonce endpoint works once.
    const { c_nonce: fresh } = await wallet.client.requestNonce({ issuerMetadata: metadata });
    const withFresh = await wallet.credential({ metadata, accessToken: tok.ok!.access_token, nonce: fresh, configurationId: 'diploma_jwt_vc_json', asDid: true });
    expect(withFresh.error).toBeUndefined();
    const reused = await wallet.credential({ metadata, accessToken: tok.ok!.access_token, nonce: fresh, configurationId: 'diploma_ldp_vc', asDid: true });
    expect(reused.error).toMatchObject({ error: 'invalid_nonce' });
    const noToken = await wallet.credential({ metadata, accessToken: 'not-a-token', nonce: tok.ok!.c_nonce as string, configurationId: 'diploma_sd_jwt' });
    expect(noToken.status).toBe(401);
    const batch = await wallet.credential({ metadata, accessToken: tok.ok!.access_token, nonce: tok.ok!.c_nonce as string, configurationId: 'diploma_sd_jwt', proofs: 2 });
    expect(batch.error).toBeUndefined();
    expect(batch.ok!.credentials).toHaveLength(2);
    // The proofs of one batch share one nonce from the nonce endpoint (OpenID4VCI 1.0): it is taken once for all.
    const other = await offer(diplomaId);
    const tok2 = await wallet.token(other.offerUri, other.txCode);
    const { c_nonce: shared } = await wallet.client.requestNonce({ issuerMetadata: metadata });
    const freshBatch = await wallet.credential({ metadata, accessToken: tok2.ok!.access_token, nonce: shared, configurationId: 'diploma_sd_jwt', proofs: 3 });
    expect(freshBatch.error).toBeUndefined();
    expect(freshBatch.ok!.credentials).toHaveLength(3);
    const again = await wallet.credential({ metadata, accessToken: tok2.ok!.access_token, nonce: shared, configurationId: 'diploma_ldp_vc', asDid: true, proofs: 2 });
    expect(again.error).toMatchObject({ error: 'invalid_nonce' });
  });

  it('five wrong tx_codes lock the offer; the right code is refused after that', async () => {
    const o = await offer(diplomaId);
    const wrong = o.txCode === '999999' ? '000000' : String(Number(o.txCode) + 1).padStart(6, '0').slice(-6);
    for (let i = 1; i <= 5; i++) {
      const r = await wallet.token(o.offerUri, wrong);
      expect(r.error?.error).toBe('invalid_grant');
      expect(r.error?.error_description).toMatch(i < 5 ? new RegExp(`${i} of 5`) : /locked/);
    }
    const right = await wallet.token(o.offerUri, o.txCode);
    expect(right.error).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/locked/) });
    const row = (await t.dataSource.query('SELECT failed_tx_attempts, locked_at, redeemed_at FROM wallet_offer WHERE id = $1', [o.id]))[0];
    expect(row).toMatchObject({ failed_tx_attempts: 5, redeemed_at: null });
    expect(row.locked_at).not.toBeNull();
    expect((await t.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'wallet.offer.lock'", [o.id]))[0].n).toBe(1);
  });

  it('keeps tx_codes as hashes keyed by the service; an offer stored before keyed hashes still redeems with its code', async () => {
    const o = await offer(diplomaId);
    const stored = (await t.dataSource.query('SELECT tx_code_hash FROM wallet_offer WHERE id = $1', [o.id]))[0].tx_code_hash as string;
    // The database alone does not give the code away: the plain salted SHA-256 of every code is not what is stored.
    expect(stored.startsWith('hmac1:')).toBe(true);
    expect(stored).not.toContain(createHash('sha256').update(`${o.id}\n${o.txCode}`).digest('base64url'));
    const legacy = await offer(diplomaId);
    await t.dataSource.query('UPDATE wallet_offer SET tx_code_hash = $2 WHERE id = $1', [legacy.id, createHash('sha256').update(`${legacy.id}\n${legacy.txCode}`).digest('base64url')]);
    expect((await wallet.token(legacy.offerUri, legacy.txCode)).error).toBeUndefined();
  });

  it('an expired offer is refused', async () => {
    const o = await offer(diplomaId);
    await t.dataSource.query("UPDATE wallet_offer SET expires_at = now() - interval '1 second' WHERE id = $1", [o.id]);
    const r = await wallet.token(o.offerUri, o.txCode);
    expect(r.error).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
  });

  it('a cohort of 100 credentials gets 100 offers in one call, listed in the CSV', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push(await issueDiploma(`wallet-cohort-${i}`, 'JWT'));
    const r = await t.gql(COHORT, { ids }, f.nlSchool);
    expect(r.errors).toBeUndefined();
    const c = r.data.createCredentialOffers;
    expect(c.offers).toHaveLength(100);
    expect(new Set(c.offers.map((o: any) => o.offerUri)).size).toBe(100);
    const lines = c.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('offer_id,credential_id,learner,offer_uri,tx_code,expires_at');
    expect(lines).toHaveLength(101);
    for (const o of c.offers) {
      const line = lines.find((l: string) => l.startsWith(`${o.id},`));
      expect(line).toContain(o.credentialId);
      expect(line).toContain(o.txCode);
    }
    expect(c.offers.map((o: any) => o.credentialId).sort()).toEqual([...ids].sort());
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM wallet_offer WHERE cohort_id = $1', [c.cohortId]))[0].n).toBe(100);
    // One credential of another school makes the whole call fail and write nothing.
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM wallet_offer'))[0].n;
    const mixed = await t.gql(COHORT, { ids: [ids[0], ids[1]] }, f.deSchool);
    expect(mixed.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM wallet_offer'))[0].n).toBe(before);
    // A cohort credential is redeemable like any other.
    const one = c.offers[7];
    const tok = await wallet.token(one.offerUri, one.txCode);
    expect(tok.error).toBeUndefined();
  });

  it('revocation reaches every delivered format (W3C status list, Token Status List for SD-JWT), and a revoked credential is neither offered nor delivered', async () => {
    const id = await issueDiploma('wallet-revoke-1');
    const o = await offer(id);
    const tok = await wallet.token(o.offerUri, o.txCode);
    const { metadata } = tok as { metadata: any };
    const ld = await wallet.credential({ metadata, accessToken: tok.ok!.access_token, nonce: tok.ok!.c_nonce as string, configurationId: 'diploma_ldp_vc', asDid: true });
    const sd = await wallet.credential({ metadata, accessToken: tok.ok!.access_token, nonce: tok.ok!.c_nonce as string, configurationId: 'diploma_sd_jwt' });
    const verifier = sdJwtVerifier(await issuerJwk(t.baseUrl, f.nl.id), { from: issuerUrl, to: t.baseUrl });
    const sdJwt = sd.ok!.credentials![0].credential as string;
    await expect(verifier.verify(sdJwt)).resolves.toBeDefined();
    const rev = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "wallet test") { status } }', { id }, f.nlSchool);
    expect(rev.data.revokeCredential.status).toBe('REVOKED');
    const v = (await t.gql(VERIFY, { c: ld.ok!.credentials![0].credential })).data.verifyCredential;
    expect(v).toMatchObject({ valid: false, revoked: true });
    // The SD-JWT VC's Token Status List says INVALID now (served by the issuer, fetched on this machine).
    await expect(verifier.verify(sdJwt)).rejects.toThrow(/[Ss]tatus/);
    const later = await wallet.credential({ metadata, accessToken: tok.ok!.access_token, nonce: tok.ok!.c_nonce as string, configurationId: 'diploma_jwt_vc_json', asDid: true });
    expect(later.error).toMatchObject({ error: 'credential_request_denied', error_description: expect.stringMatching(/revoked/) });
    const newOffer = await t.gql(OFFER, { id }, f.nlSchool);
    expect(newOffer.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('a binational learning unit waiting for its partner\'s proof is deferred, then delivered once co-signed', async () => {
    const lu = await t.gql(ISSUE_LU, { r: learningUnitRequest() }, f.nlSchool);
    const id = lu.data.issueLearningUnitCredential.id as string;
    const o = await offer(id);
    expect(o.configurationIds.sort()).toEqual(['learning_unit_jwt_vc_json', 'learning_unit_ldp_vc', 'learning_unit_sd_jwt']);
    const tok = await wallet.token(o.offerUri, o.txCode);
    const { metadata } = tok as { metadata: any };
    const access = tok.ok!.access_token;
    const nonce = tok.ok!.c_nonce as string;
    const sd = await wallet.credential({ metadata, accessToken: access, nonce, configurationId: 'learning_unit_sd_jwt' });
    const ld = await wallet.credential({ metadata, accessToken: access, nonce, configurationId: 'learning_unit_ldp_vc', asDid: true });
    expect(sd.status).toBe(202);
    expect(sd.ok!.credentials).toBeUndefined();
    expect(sd.ok!.transaction_id).toEqual(expect.any(String));
    const early = await deferred(wallet, { metadata, accessToken: access, transactionId: ld.ok!.transaction_id! });
    expect(early.status).toBe(202);
    expect(early.body.credentials).toBeUndefined();

    const cosign = await t.gql('mutation($id: ID!) { cosignCredential(id: $id) { cosignedBy } }', { id }, f.deSchool);
    expect(cosign.data.cosignCredential.cosignedBy).toEqual([f.de.did]);
    const sdLater = await deferred(wallet, { metadata, accessToken: access, transactionId: sd.ok!.transaction_id! });
    expect(sdLater.status).toBe(200);
    const token = sdLater.body.credentials![0].credential as string;
    const verifier = sdJwtVerifier(await issuerJwk(t.baseUrl, f.nl.id), { from: issuerUrl, to: t.baseUrl });
    const full = (await verifier.verify(token)).payload as any;
    expect(full).toMatchObject({ vct: `${issuerUrl}/vct/learning-unit`, achievement: { provenBy: { grade: 'passed' } } });
    const withoutAssessment = (await verifier.verify(await verifier.present(token, { givenName: true, achievement: { provenBy: false } } as never))).payload as any;
    expect(withoutAssessment.achievement.specifiedBy.programme).toBe('move-it-binational-2025');
    expect(withoutAssessment.achievement.provenBy).toBeUndefined();
    expect(withoutAssessment.dateOfBirth).toBeUndefined();

    const ldLater = await deferred(wallet, { metadata, accessToken: access, transactionId: ld.ok!.transaction_id! });
    const vc = ldLater.body.credentials![0].credential;
    expect(vc.proof).toHaveLength(2);
    expect(vc.credentialSubject.id).toBe(wallet.didJwk);
    const v = (await t.gql(VERIFY, { c: vc })).data.verifyCredential;
    expect(v).toMatchObject({ valid: true, credentialId: id });
    const twice = await deferred(wallet, { metadata, accessToken: access, transactionId: ld.ok!.transaction_id! }).catch((e: Error) => e);
    expect(twice).toBeInstanceOf(Error);
  });

  it('suspending a credential marks its SD-JWT VC SUSPENDED in the Token Status List; reinstating clears it', async () => {
    const id = await issueDiploma('wallet-suspend-1');
    const o = await offer(id);
    const tok = await wallet.token(o.offerUri, o.txCode);
    const sd = await wallet.credential({ metadata: (tok as any).metadata, accessToken: tok.ok!.access_token, nonce: tok.ok!.c_nonce as string, configurationId: 'diploma_sd_jwt' });
    const sdJwt = sd.ok!.credentials![0].credential as string;
    const verifier = sdJwtVerifier(await issuerJwk(t.baseUrl, f.nl.id), { from: issuerUrl, to: t.baseUrl });
    await expect(verifier.verify(sdJwt)).resolves.toBeDefined();
    const status = (mutation: string) => t.gql(`mutation($id: ID!) { ${mutation}(id: $id, reason: "wallet test") { status } }`, { id }, f.nlSchool);
    expect((await status('suspendCredential')).data.suspendCredential.status).toBe('SUSPENDED');
    await expect(verifier.verify(sdJwt)).rejects.toThrow(/[Ss]tatus/);
    expect((await status('reinstateCredential')).data.reinstateCredential.status).toBe('ACTIVE');
    await expect(verifier.verify(sdJwt)).resolves.toBeDefined();
  });

  it('hashes, never stores, the codes', async () => {
    const o = await offer(diplomaId);
    const code = JSON.parse(decodeURIComponent(o.offerUri.split('credential_offer=')[1])).grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']['pre-authorized_code'];
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM wallet_offer WHERE id = $1', [o.id]));
    expect(dump).not.toContain(code);
    expect(dump).toContain(createHash('sha256').update(`\n${code}`).digest('base64url'));
  });

  it('the school sees each offer of a credential with its state; others may not', async () => {
    const Q = 'query($id: ID!) { credentialOffers(credentialId: $id) { id state failedTxAttempts delivered redeemedAt } }';
    const r = await t.gql(Q, { id: diplomaId }, f.nlSchool);
    expect(r.errors).toBeUndefined();
    const states = r.data.credentialOffers.map((o: any) => o.state);
    expect(new Set(states)).toEqual(new Set(['REDEEMED', 'LOCKED', 'EXPIRED', 'OPEN']));
    const first = r.data.credentialOffers[0];
    expect(first).toMatchObject({ state: 'REDEEMED', delivered: ['diploma_sd_jwt', 'diploma_jwt_vc_json', 'diploma_ldp_vc'] });
    expect(r.data.credentialOffers.find((o: any) => o.state === 'LOCKED').failedTxAttempts).toBe(5);
    expect(JSON.stringify(r.data)).not.toMatch(/txCode|pre-authorized/);
    expect((await t.gql(Q, { id: diplomaId }, f.deSchool)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(Q, { id: diplomaId })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
