#!/usr/bin/env node
// A minimal wallet for trying the OpenID4VCI issuer: node scripts/wallet-example.mjs OFFER_URI TX_CODE [--store FILE]
// It makes its own Ed25519 key, redeems the offer with the transaction code, asks for every offered format with a
// proof of possession of that key, checks the SD-JWT VC (signature, disclosures, Token Status List) with @sd-jwt,
// and prints one JSON line per credential. It uses the OpenWallet Foundation client, not the service's code.
// With --store FILE it keeps its key and the SD-JWT VC in FILE (mode 0600) for scripts/wallet-present.mjs.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { setGlobalConfig } from '@openid4vc/utils';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { compactVerify, decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';

const [offerUri, txCode, storeFlag, storeFile] = process.argv.slice(2);
if (!offerUri || !txCode || (storeFlag && (storeFlag !== '--store' || !storeFile))) {
  console.error('usage: node scripts/wallet-example.mjs OFFER_URI TX_CODE [--store FILE]');
  process.exit(2);
}
// A local service speaks http; the libraries want https unless told otherwise.
setGlobalConfig({ allowInsecureUrls: true });

const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
const publicJwk = await exportJWK(publicKey);
const didJwk = `did:jwk:${Buffer.from(JSON.stringify({ crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x })).toString('base64url')}`;
const hash = (data, alg = 'sha-256') => createHash(alg.replace('-', '').toLowerCase()).update(typeof data === 'string' ? data : Buffer.from(data)).digest();

const client = new Openid4vciClient({
  callbacks: {
    fetch,
    hash,
    generateRandom: (n) => randomBytes(n),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (_signer, { header, payload }) => ({ jwt: await new SignJWT(payload).setProtectedHeader(header).sign(privateKey), signerJwk: publicJwk }),
  },
});

const offer = await client.resolveCredentialOffer(offerUri);
const metadata = await client.resolveIssuerMetadata(offer.credential_issuer);
const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata: metadata, txCode });

for (const configurationId of offer.credential_configuration_ids) {
  const format = metadata.credentialIssuer.credential_configurations_supported[configurationId].format;
  // SD-JWT binds the key itself (cnf); the W3C formats bind the key's did:jwk as credentialSubject.id.
  const signer = format === 'dc+sd-jwt' ? { method: 'jwk', publicJwk, alg: 'EdDSA' } : { method: 'did', didUrl: `${didJwk}#0`, alg: 'EdDSA' };
  const { jwt } = await client.createCredentialRequestJwtProof({ issuerMetadata: metadata, credentialConfigurationId: configurationId, signer, nonce: accessTokenResponse.c_nonce });
  const { credentialResponse } = await client.retrieveCredentials({ issuerMetadata: metadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId: configurationId, proofs: { jwt: [jwt] } });
  const credential = credentialResponse.credentials[0].credential;
  if (format === 'dc+sd-jwt') {
    const issuerDid = decodeJwt(credential.split('~')[0]).iss;
    const [, , hostPort, ...path] = issuerDid.split(':');
    const didDoc = await (await fetch(`http://${decodeURIComponent(hostPort)}/${path.join('/')}/did.json`)).json();
    const issuerKey = await importJWK(await Ed25519Multikey.toJwk({ keyPair: await Ed25519Multikey.from(didDoc.verificationMethod[0]) }), 'EdDSA');
    const sdjwt = new SDJwtVcInstance({
      hasher: hash,
      hashAlg: 'sha-256',
      verifier: async (data, sig) => compactVerify(`${data}.${sig}`, issuerKey).then(() => true, () => false),
      statusListFetcher: async (uri) => (await fetch(uri)).text(),
    });
    const { payload } = await sdjwt.verify(credential);
    if (storeFile) writeFileSync(storeFile, JSON.stringify({ privateJwk: await exportJWK(privateKey), publicJwk, credentials: [credential] }), { mode: 0o600 });
    const shown = (await sdjwt.verify(await sdjwt.present(credential, { givenName: true }))).payload;
    console.log(JSON.stringify({ format, verified: true, holderBound: payload.cnf.jwk.x === publicJwk.x, qualification: payload.achievement.specifiedBy.catalogueKey, disclosedToAnEmployer: Object.keys(shown).filter((k) => ['givenName', 'familyName', 'dateOfBirth'].includes(k)) }));
  } else {
    const vc = typeof credential === 'string' ? decodeJwt(credential) : credential;
    console.log(JSON.stringify({ format, id: vc.id, holder: vc.credentialSubject.id === didJwk ? 'did:jwk of this wallet' : vc.credentialSubject.id }));
  }
}
