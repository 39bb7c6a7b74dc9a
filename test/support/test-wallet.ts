import { createHash, randomBytes } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { clientAuthenticationAnonymous, Oauth2ClientErrorResponseError, type Jwk } from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciRetrieveCredentialsError, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { setGlobalConfig } from '@openid4vc/utils';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { compactVerify, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A wallet for the tests: the holder side of the OpenWallet Foundation OpenID4VCI client and @sd-jwt, with its
 * own Ed25519 key. It shares no code with the service. `fetch` routes the service's public base URL (what the
 * metadata names) to the port the test app listens on, like a hosts entry would.
 */
export class TestWallet {
  readonly client: Openid4vciClient;
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly publicJwk: JWK,
    private readonly route: { from: string; to: string },
  ) {
    setGlobalConfig({ allowInsecureUrls: true });
    this.client = new Openid4vciClient({
      callbacks: {
        fetch: (input: string | URL | Request, init?: RequestInit) => fetch(String(input instanceof Request ? input.url : input).replace(this.route.from, this.route.to), init),
        hash: (data, alg) => createHash(alg.replace('-', '').toLowerCase()).update(data).digest(),
        generateRandom: (n) => randomBytes(n),
        clientAuthentication: clientAuthenticationAnonymous(),
        signJwt: async (_signer, { header, payload }) => ({
          jwt: await new SignJWT(payload as Record<string, unknown>).setProtectedHeader(header as { alg: string }).sign(this.privateKey),
          signerJwk: this.publicJwk as Jwk,
        }),
      },
    });
  }

  static async create(route: { from: string; to: string }): Promise<TestWallet> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    return new TestWallet(privateKey, await exportJWK(publicKey), route);
  }

  get didJwk(): string {
    return `did:jwk:${Buffer.from(JSON.stringify({ crv: this.publicJwk.crv, kty: this.publicJwk.kty, x: this.publicJwk.x })).toString('base64url')}`;
  }

  async start(offerUri: string): Promise<{ offer: Awaited<ReturnType<Openid4vciClient['resolveCredentialOffer']>>; metadata: IssuerMetadataResult }> {
    const offer = await this.client.resolveCredentialOffer(offerUri);
    const metadata = await this.client.resolveIssuerMetadata(offer.credential_issuer);
    return { offer, metadata };
  }

  /** Token request; resolves to the OAuth error object when the issuer refuses. */
  async token(offerUri: string, txCode: string) {
    const { offer, metadata } = await this.start(offerUri);
    try {
      const r = await this.client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata: metadata, txCode });
      return { ok: r.accessTokenResponse, metadata, offer };
    } catch (e) {
      if (e instanceof Oauth2ClientErrorResponseError) return { error: e.errorResponse as { error: string; error_description?: string } };
      throw e;
    }
  }

  /** Credential request with a JWT proof of this wallet's key (as a jwk, or as its did:jwk). */
  async credential(o: { metadata: IssuerMetadataResult; accessToken: string; nonce: string; configurationId: string; asDid?: boolean; proofs?: number }) {
    const signer = o.asDid
      ? { method: 'did' as const, didUrl: `${this.didJwk}#0`, alg: 'EdDSA' }
      : { method: 'jwk' as const, publicJwk: this.publicJwk as Jwk, alg: 'EdDSA' };
    const jwts: string[] = [];
    for (let i = 0; i < (o.proofs ?? 1); i++) {
      jwts.push((await this.client.createCredentialRequestJwtProof({ issuerMetadata: o.metadata, credentialConfigurationId: o.configurationId, signer, nonce: o.nonce })).jwt);
    }
    try {
      const r = await this.client.retrieveCredentials({ issuerMetadata: o.metadata, accessToken: o.accessToken, credentialConfigurationId: o.configurationId, proofs: { jwt: jwts } });
      return { ok: r.credentialResponse as { credentials?: Array<{ credential: any }>; transaction_id?: string; interval?: number }, status: r.response.status };
    } catch (e) {
      if (e instanceof Openid4vciRetrieveCredentialsError) return { error: e.response.credentialErrorResponseResult?.data as { error: string; error_description?: string } | undefined, status: e.response.response.status };
      throw e;
    }
  }
}

/** Asks again for a deferred credential. */
export async function deferred(wallet: TestWallet, o: { metadata: IssuerMetadataResult; accessToken: string; transactionId: string }) {
  const r = await wallet.client.retrieveDeferredCredentials({ issuerMetadata: o.metadata, accessToken: o.accessToken, transactionId: o.transactionId });
  return { status: r.response.status, body: r.deferredCredentialResponse as { credentials?: Array<{ credential: any }>; transaction_id?: string } };
}

/** The issuer's Ed25519 public key as a JWK, read from its did:web document (served by the service). */
export async function issuerJwk(baseUrl: string, institutionId: string): Promise<JWK> {
  const doc = (await (await fetch(`${baseUrl}/issuers/${institutionId}/did.json`)).json()) as { verificationMethod: Array<Record<string, unknown>> };
  const keyPair = await Ed25519Multikey.from(doc.verificationMethod[0]);
  return Ed25519Multikey.toJwk({ keyPair });
}

/** The wallet's SD-JWT VC check with @sd-jwt: issuer signature, holder-independent claims, disclosures. */
export function sdJwtVerifier(issuer: JWK, route: { from: string; to: string }): SDJwtVcInstance {
  return new SDJwtVcInstance({
    // The Token Status List is fetched from the issuer (this machine) and checked with the issuer's key.
    statusListFetcher: async (uri: string) => {
      const res = await fetch(uri.replace(route.from, route.to));
      if (!res.ok) throw new Error(`status list ${uri}: HTTP ${res.status}`);
      return res.text();
    },
    hasher: (data: string | ArrayBuffer) => createHash('sha256').update(typeof data === 'string' ? data : Buffer.from(data)).digest(),
    hashAlg: 'sha-256',
    verifier: async (data: string, sig: string) => {
      const [h, p] = data.split('.');
      try {
        await compactVerify(`${h}.${p}.${sig}`, await importJWK(issuer, 'EdDSA'));
        return true;
      } catch {
        return false;
      }
    },
    saltGenerator: (n: number) => randomBytes(n).toString('base64url'),
  });
}
