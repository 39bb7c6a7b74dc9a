import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { ensureDevTokenKey, importPublicJwk } from './token-keys';
import { mintToken, TokenVerifier } from './token.service';

const settings = { issuer: 'iss', audience: 'aud' };

describe('tokens', () => {
  const root = mkdtempSync(join(tmpdir(), 'recog-tok-'));
  let n = 0;
  const freshDir = () => join(root, String(++n));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it('round-trips an expert token and keeps the dev key stable', async () => {
    const dir = freshDir();
    const a = await ensureDevTokenKey(dir);
    const b = await ensureDevTokenKey(dir);
    expect(b).toEqual(a);
    const verifier = new TokenVerifier(await importPublicJwk(a.publicJwk), settings);
    const token = await mintToken(a.privateJwk, settings, { subject: 'e1', role: 'expert', jurisdictions: ['NL'] });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'e1', role: 'expert', institution: undefined, jurisdictions: ['NL'] });
  });

  it('rejects a token signed by another key, and a tampered one', async () => {
    const dir = freshDir();
    const a = await ensureDevTokenKey(dir);
    const other = await generateKeyPair('EdDSA', { extractable: true });
    const verifier = new TokenVerifier(await importPublicJwk(a.publicJwk), settings);
    const forged = await mintToken(await exportJWK(other.privateKey), settings, { subject: 'x', role: 'admin' });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const good = await mintToken(a.privateJwk, settings, { subject: 'x', role: 'employer' });
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.role = 'admin';
    const tampered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a private key as the public key and an expert without scope', async () => {
    const dir = freshDir();
    const a = await ensureDevTokenKey(dir);
    await expect(importPublicJwk(a.privateJwk)).rejects.toThrow(/private/);
    await expect(mintToken(a.privateJwk, settings, { subject: 'e', role: 'expert' })).rejects.toThrow(/jurisdiction/);
  });

  describe('lifetime', () => {
    const sign = async (privateJwk: JWK, claims: { iat?: number; exp?: number }) => {
      let jwt = new SignJWT({ role: 'admin', jurisdictions: [] }).setProtectedHeader({ alg: 'EdDSA' }).setSubject('a').setIssuer('iss').setAudience('aud');
      if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
      if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
      return jwt.sign(await importJWK(privateJwk, 'EdDSA'));
    };
    const now = () => Math.floor(Date.now() / 1000);
    let keys: { privateJwk: JWK; publicJwk: JWK };
    let verifier: TokenVerifier;
    beforeAll(async () => {
      const pair = await generateKeyPair('EdDSA', { extractable: true });
      keys = { privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) };
      verifier = new TokenVerifier(await importPublicJwk(keys.publicJwk), { ...settings, maxLifetimeSeconds: 3600 });
    });

    it('accepts a token within the lifetime', async () => {
      await expect(verifier.verify(await sign(keys.privateJwk, { iat: now(), exp: now() + 1800 }))).resolves.toMatchObject({ role: 'admin' });
    });

    it.each([
      ['no exp', () => ({ iat: now() }), /"exp" claim/],
      ['no iat', () => ({ exp: now() + 60 }), /"iat" claim/],
      ['exp 100 years ahead', () => ({ iat: now(), exp: now() + 100 * 365 * 86400 }), /lifetime exceeds/],
      ['exp far ahead with a matching future iat', () => ({ iat: now() + 365 * 86400, exp: now() + 365 * 86400 + 60 }), /iat/],
      ['iat a year in the future', () => ({ iat: now() + 365 * 86400, exp: now() + 600 }), /iat/],
      ['expired', () => ({ iat: now() - 7200, exp: now() - 3600 }), /"exp"/],
    ])('refuses a token with %s as UNAUTHENTICATED', async (_label, claims, reason) => {
      const err = await verifier.verify(await sign(keys.privateJwk, claims())).catch((e) => e);
      expect(err).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(err.message).toMatch(reason);
    });

    it('remembers a verified token only until its exp (plus skew), and never a refused one', async () => {
      const strict = new TokenVerifier(await importPublicJwk(keys.publicJwk), { ...settings, clockSkewSeconds: 0 });
      const token = await sign(keys.privateJwk, { iat: now(), exp: now() + 2 });
      const first = await strict.verify(token);
      await expect(strict.verify(token)).resolves.toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      // Another signature on the same claims is a different string: checked, and refused, while the genuine one is remembered.
      const [h, p, sig] = token.split('.');
      await expect(strict.verify(`${h}.${p}.${sig.slice(0, -4)}AAAA`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await new Promise((r) => setTimeout(r, 2100));
      await expect(strict.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('tolerates a small clock skew on iat', async () => {
      await expect(verifier.verify(await sign(keys.privateJwk, { iat: now() + 20, exp: now() + 600 }))).resolves.toMatchObject({ role: 'admin' });
    });

    it('mints within the maximum by default and refuses to mint beyond it', async () => {
      const s = { ...settings, maxLifetimeSeconds: 600 };
      const t = await mintToken(keys.privateJwk, s, { subject: 'x', role: 'employer' });
      const { exp, iat } = decodeJwt(t) as { exp: number; iat: number };
      expect(exp - iat).toBe(600);
      await expect(mintToken(keys.privateJwk, s, { subject: 'x', role: 'employer', expiresIn: '2h' })).rejects.toThrow(/exceeds the maximum token lifetime of 600 s/);
    });
  });
});
