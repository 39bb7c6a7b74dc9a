import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, exportJWK } from 'jose';
import { ensureDevTokenKey, importPublicJwk } from './token-keys';
import { mintToken, TokenVerifier } from './token.service';

const settings = { issuer: 'iss', audience: 'aud' };

describe('tokens', () => {
  it('round-trips an expert token and keeps the dev key stable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tok-'));
    const a = await ensureDevTokenKey(dir);
    const b = await ensureDevTokenKey(dir);
    expect(b).toEqual(a);
    const verifier = new TokenVerifier(await importPublicJwk(a.publicJwk), settings);
    const token = await mintToken(a.privateJwk, settings, { subject: 'e1', role: 'expert', jurisdictions: ['NL'] });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'e1', role: 'expert', institution: undefined, jurisdictions: ['NL'] });
  });

  it('rejects a token signed by another key, and a tampered one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tok-'));
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
    const dir = mkdtempSync(join(tmpdir(), 'tok-'));
    const a = await ensureDevTokenKey(dir);
    await expect(importPublicJwk(a.privateJwk)).rejects.toThrow(/private/);
    await expect(mintToken(a.privateJwk, settings, { subject: 'e', role: 'expert' })).rejects.toThrow(/jurisdiction/);
  });
});
