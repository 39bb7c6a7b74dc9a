#!/usr/bin/env node
// The example wallet answers an employer's OpenID4VP request: node scripts/wallet-present.mjs WALLET_FILE REQUEST_URI
// WALLET_FILE is what `wallet-example.mjs … --store FILE` kept (its key and the SD-JWT VC). The wallet reads the
// request with the OpenWallet Foundation holder client, discloses only the claims the DCQL query names, signs the
// key-binding JWT (nonce and client_id of the request) with its own key using @sd-jwt/core, and posts the
// response (direct_post). It prints one JSON line: the HTTP status of the answer and the claims it disclosed.
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { setGlobalConfig } from '@openid4vc/utils';
import { SDJwtInstance } from '@sd-jwt/core';
import { importJWK } from 'jose';

const [walletFile, requestUri] = process.argv.slice(2);
if (!walletFile || !requestUri) {
  console.error('usage: node scripts/wallet-present.mjs WALLET_FILE REQUEST_URI');
  process.exit(2);
}
// A local service speaks http; the libraries want https unless told otherwise.
setGlobalConfig({ allowInsecureUrls: true });

const wallet = JSON.parse(readFileSync(walletFile, 'utf8'));
const privateKey = await importJWK(wallet.privateJwk, 'EdDSA');
const hash = (data, alg = 'sha-256') => createHash(alg.replace('-', '').toLowerCase()).update(typeof data === 'string' ? data : Buffer.from(data)).digest();

const client = new Openid4vpClient({
  callbacks: {
    fetch,
    hash,
    // The request comes by value with the client_id prefix redirect_uri: it is unsigned, there is nothing to verify.
    verifyJwt: async () => ({ verified: false }),
  },
});
const { params } = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: requestUri });
const resolved = await client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: params });
const request = resolved.authorizationRequestPayload;
const query = resolved.dcql.query.credentials[0];

// Disclose exactly the claims the query names: a presentation frame such as { givenName: true }.
const frame = {};
for (const { path } of query.claims) {
  let node = frame;
  path.forEach((segment, i) => (node = node[segment] ??= i === path.length - 1 ? true : {}));
}
const holder = new SDJwtInstance({
  hasher: hash,
  hashAlg: 'sha-256',
  saltGenerator: (n) => randomBytes(n).toString('base64url'),
  kbSignAlg: 'EdDSA',
  kbSigner: async (data) => Buffer.from(await webcrypto.subtle.sign('Ed25519', privateKey, new TextEncoder().encode(data))).toString('base64url'),
});
const credential = wallet.credentials[0];
const presentation = await holder.present(credential, frame, { kb: { payload: { iat: Math.floor(Date.now() / 1000), aud: request.client_id, nonce: request.nonce } } });

const { authorizationResponsePayload } = await client.createOpenid4vpAuthorizationResponse({ authorizationRequestPayload: request, authorizationResponsePayload: { vp_token: { [query.id]: [presentation] } } });
const { response } = await client.submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: request, authorizationResponsePayload });
const disclosed = presentation
  .split('~')
  .slice(1, -1)
  .map((d) => JSON.parse(Buffer.from(d, 'base64url').toString())[1])
  .sort();
console.log(JSON.stringify({ answered: response.status, disclosed }));
