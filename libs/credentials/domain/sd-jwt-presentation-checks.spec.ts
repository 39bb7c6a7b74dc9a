import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { SDJwtInstance, type SdJwtPayload } from '@sd-jwt/core';
import { exportJWK, generateKeyPair } from 'jose';
import { generateIssuerKey, keyPairFrom } from './keys';
import { issueSdJwtVc } from './sd-jwt-vc';
import { SD_JWT_PRESENTATION_PIPELINE } from './sd-jwt-presentation-checks';
import { runPipeline, VerificationPorts } from './verification-checks';

const ISSUER = 'did:web:recog.example:issuers:alfa';
const KID = `${ISSUER}#key-1`;
const AUD = 'redirect_uri:https://recog.example/oid4vp/requests/1/response';
const summary = (checks: Array<{ check: string; status: string; reason: string }>) => checks.map((c) => `${c.check}:${c.status}:${c.reason}`);

/** A real issuer key and a real holder key; the ports answer from an in-memory registry of one institution. */
async function fixture(status = 0) {
  const issuerKey = await generateIssuerKey(KID, ISSUER);
  const signer = (await keyPairFrom({ id: KID, controller: ISSUER, ...issuerKey })).signer() as { sign(o: { data: Uint8Array }): Promise<Uint8Array> };
  const holder = await generateKeyPair('EdDSA', { extractable: true });
  const now = new Date();
  const sdJwt = await issueSdJwtVc(
    {
      payload: {
        iss: ISSUER,
        vct: 'https://recog.example/vct/diploma',
        iat: Math.floor(now.getTime() / 1000) - 60,
        credential_id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        cnf: { jwk: await exportJWK(holder.publicKey) },
        status: { status_list: { uri: 'https://recog.example/status/l/token', idx: 7 } },
        givenName: 'Eva',
        familyName: 'Smit',
        achievement: { specifiedBy: { catalogueKey: 'nl-mbo-25656-verzorgende-ig', title: 'Verzorgende IG' } },
      },
      frame: { _sd: ['givenName', 'familyName'] },
    },
    KID,
    (data) => signer.sign({ data }),
  );
  const ports: VerificationPorts = {
    institutionByDid: async (did) => (did === ISSUER ? ({ id: 'alfa', name: 'Alfa', jurisdiction_code: 'NL' } as never) : null),
    keysOf: async () => [{ id: KID, institution_id: 'alfa', public_key_multibase: issuerKey.publicKeyMultibase, secret_key_jwe: '', valid_from: new Date(0), retired_at: null }],
    verifyProofSet: async () => [],
    verifyJwt: async () => ({ credential: null, proof: { verificationMethod: null, controller: null, created: null, verified: false } }),
    accreditation: async () => ({ ok: true, reason: '' }),
    status: async () => ({ ok: true, bits: [] }),
    tokenStatus: async (uri, idx) => (uri === 'https://recog.example/status/l/token' && idx === 7 ? { ok: true, status } : { ok: false, error: 'unknown list' }),
  };
  const present = async (o: { nonce?: string; key?: webcrypto.CryptoKey; disclose?: Record<string, boolean> } = {}) =>
    new SDJwtInstance<SdJwtPayload>({
      hasher: (d: string | ArrayBuffer) => createHash('sha256').update(typeof d === 'string' ? d : Buffer.from(d)).digest(),
      kbSignAlg: 'EdDSA',
      kbSigner: async (data: string) => Buffer.from(await webcrypto.subtle.sign('Ed25519', o.key ?? (holder.privateKey as webcrypto.CryptoKey), new TextEncoder().encode(data))).toString('base64url'),
      saltGenerator: (n: number) => randomBytes(n).toString('base64url'),
    }).present(sdJwt, (o.disclose ?? { givenName: true }) as never, { kb: { payload: { iat: Math.floor(Date.now() / 1000), aud: AUD, nonce: o.nonce ?? 'n-1' } } });
  return { ports, present, sdJwt };
}

const run = (input: string, ports: VerificationPorts) => runPipeline(input, ports, { pipeline: SD_JWT_PRESENTATION_PIPELINE, expect: { nonce: 'n-1', audience: AUD } });

describe('SD-JWT VC presentation checks', () => {
  it('a presentation bound to the holder key, for this nonce and audience, passes every check; only disclosed claims are read', async () => {
    const f = await fixture();
    const { ctx, checks } = await run(await f.present(), f.ports);
    expect(summary(checks)).toEqual([
      'FORMAT:PASS:SD_JWT_VC',
      'SCHEMA:PASS:SCHEMA_VALID',
      'PROOF:PASS:SIGNATURE_VALID',
      'KEY_BINDING:PASS:KEY_BOUND',
      'ISSUER:PASS:ISSUER_TRUSTED',
      'ACCREDITATION:PASS:ACCREDITED',
      'STATUS:PASS:ACTIVE',
      'VALIDITY:PASS:WITHIN_VALIDITY',
    ]);
    expect(ctx.sdJwt!.claims.givenName).toBe('Eva');
    expect(ctx.sdJwt!.claims.familyName).toBeUndefined();
    expect(ctx.ownType).toBe('DiplomaCredential');
  });

  it('refuses another nonce, a key-binding JWT by another key, no key binding, a revoked credential and a tampered issuer JWT, each with its reason', async () => {
    const f = await fixture();
    const kb = async (input: string) => (await run(input, f.ports)).checks.find((c) => c.check === 'KEY_BINDING')!.reason;
    expect(await kb(await f.present({ nonce: 'n-2' }))).toBe('NONCE_MISMATCH');
    const other = await generateKeyPair('EdDSA');
    expect(await kb(await f.present({ key: other.privateKey as webcrypto.CryptoKey }))).toBe('KEY_BINDING_INVALID');
    expect(await kb(`${(await f.present()).split('~').slice(0, -1).join('~')}~`)).toBe('KEY_BINDING_MISSING');

    const revoked = await fixture(1);
    expect(summary((await run(await revoked.present(), revoked.ports)).checks)).toContain('STATUS:FAIL:REVOKED');

    const good = await f.present();
    const [jwt, ...rest] = good.split('~');
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = [`${h}.${Buffer.from(JSON.stringify({ ...payload, achievement: { specifiedBy: { catalogueKey: 'x' } } })).toString('base64url')}.${s}`, ...rest].join('~');
    expect(summary((await run(forged, f.ports)).checks)).toContain('PROOF:FAIL:SIGNATURE_INVALID');
    expect(summary((await run('not an sd-jwt', f.ports)).checks)).toEqual(['FORMAT:FAIL:MALFORMED']);
  });
});
