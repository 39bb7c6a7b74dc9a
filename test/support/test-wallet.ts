import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { clientAuthenticationAnonymous, Oauth2ClientErrorResponseError, type Jwk } from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciRetrieveCredentialsError, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { setGlobalConfig } from '@openid4vc/utils';
import { SDJwtInstance, type SdJwtPayload } from '@sd-jwt/core';
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

  /** Credentials this wallet holds, as received. */
  readonly stored: string[] = [];

  /** Keeps a credential, as a wallet does after issuance. */
  store(credential: string): void {
    this.stored.push(credential);
  }

  private routedFetch = (input: string | URL | Request, init?: RequestInit) => fetch(String(input instanceof Request ? input.url : input).replace(this.route.from, this.route.to), init);

  /** The holder side of OpenID4VP (OpenWallet Foundation client): reads the request a verifier's QR code carries. */
  async readPresentationRequest(requestUri: string) {
    const vp = this.vpClient();
    const parsed = vp.parseOpenid4vpAuthorizationRequest({ authorizationRequest: requestUri });
    return vp.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params as never });
  }

  /**
   * Answers a verifier's request with one held SD-JWT VC: discloses the claims the DCQL query names (@sd-jwt/core
   * makes the presentation and the key-binding JWT) and posts it by direct_post. `tamper` changes what an honest
   * wallet would send (another nonce, another key) so the verifier's refusals can be tested.
   */
  async present(requestUri: string, sdJwt: string, tamper: { nonce?: string; audience?: string; kbKey?: CryptoKey } = {}) {
    const vp = this.vpClient();
    const resolved = await this.readPresentationRequest(requestUri);
    const request = resolved.authorizationRequestPayload as { client_id: string; nonce: string; response_uri: string };
    const query = (resolved.dcql!.query as { credentials: Array<{ id: string; claims: Array<{ path: string[] }> }> }).credentials[0];
    const frame: Record<string, unknown> = {};
    for (const { path } of query.claims) {
      let cur = frame;
      path.forEach((p, i) => (cur = (cur[p] ??= i === path.length - 1 ? true : {}) as Record<string, unknown>));
    }
    const holder = new SDJwtInstance<SdJwtPayload>({
      hasher: (data: string | ArrayBuffer) => createHash('sha256').update(typeof data === 'string' ? data : Buffer.from(data)).digest(),
      hashAlg: 'sha-256',
      kbSignAlg: 'EdDSA',
      kbSigner: async (data: string) => Buffer.from(await webcrypto.subtle.sign('Ed25519', tamper.kbKey ?? this.privateKey, new TextEncoder().encode(data))).toString('base64url'),
    });
    const presentation = await holder.present(sdJwt, frame as never, {
      kb: { payload: { iat: Math.floor(Date.now() / 1000), aud: tamper.audience ?? request.client_id, nonce: tamper.nonce ?? request.nonce } },
    });
    const { authorizationResponsePayload } = await vp.createOpenid4vpAuthorizationResponse({
      authorizationRequestPayload: resolved.authorizationRequestPayload,
      authorizationResponsePayload: { vp_token: { [query.id]: [presentation] } },
    });
    const submit = () => vp.submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: request, authorizationResponsePayload });
    const { response } = await submit();
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, presentation, resolved, resubmit: async () => {
      const again = (await submit()).response;
      return { status: again.status, body: (await again.json()) as Record<string, unknown> };
    } };
  }

  private vpClient(): Openid4vpClient {
    return new Openid4vpClient({
      callbacks: {
        fetch: this.routedFetch,
        hash: (data: Uint8Array, alg: string) => createHash(alg.replace('-', '').toLowerCase()).update(data).digest(),
        // The request is unsigned (client_id prefix redirect_uri): nothing to verify or decrypt.
        verifyJwt: async () => ({ verified: false }),
      } as never,
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
