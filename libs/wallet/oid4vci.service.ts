import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Oauth2AuthorizationServer, Oauth2ServerErrorResponseError, preAuthorizedCodeGrantIdentifier, type AuthorizationServerMetadata, type HttpMethod } from '@openid4vc/oauth2';
import { Openid4vciIssuer, Openid4vciVersion, type CredentialIssuerMetadata, type IssuerMetadataResult } from '@openid4vc/openid4vci';
// After the @openid4vc imports: they replace zod's messages process-wide.
import '../platform/validation/own-zod-messages';
import { decodeJwt } from 'jose';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryRefused, HolderDeliveryService, HolderKey } from '../credentials/holder-delivery.service';
import { SecretCodes } from '../credentials/secret-codes.service';
import { allowHttpIdentifiersOutsideProduction } from './insecure-urls';
import { AuditService, walletParty } from '../platform/audit/audit.service';
import type { Actor } from '../platform/auth/actor';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/config.schema';
import { configuration, credentialConfigurationsSupported, WalletFormat } from './domain/configurations';
import { holderDidOf, holderJwkOf, issuerCallbacks } from './domain/holder-keys';
import { ACCESS_TOKEN_TTL_SECONDS, NONCE_TTL_SECONDS, codeHash, MAX_TX_CODE_ATTEMPTS, randomCode, REFUSAL_TEXT, redemptionRefusal, sameHash } from './domain/offer-policy';
import { WalletOfferRepository, WalletOfferRow } from './persistence/wallet-offer.repository';

/** An OAuth / OpenID4VCI error answer: HTTP status and the JSON body the wallet reads. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
  body() {
    return { error: this.error, error_description: this.description };
  }
}

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Seconds a wallet should wait before asking again for a deferred credential. */
export const DEFERRED_INTERVAL = 60;

export interface HttpRequestLike {
  method: string;
  url: string;
  headers: Headers;
}

/** At most this many credentials (one per proof) in one credential request. */
export const BATCH_SIZE = 5;

const holderActor = (offerId: string) => walletParty(`offer:${offerId}`);

/** The OpenID4VCI 1.0 issuer and its authorization server (pre-authorized code flow), on the OpenWallet Foundation libraries. */
@Injectable()
export class Oid4vciService {
  readonly issuerUrl: string;
  readonly issuer = new Openid4vciIssuer({ callbacks: issuerCallbacks });
  private readonly authorizationServer = new Oauth2AuthorizationServer({ callbacks: issuerCallbacks });
  readonly issuerMetadata: CredentialIssuerMetadata;
  readonly authorizationServerMetadata: AuthorizationServerMetadata;
  readonly metadataResult: IssuerMetadataResult;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly offers: WalletOfferRepository,
    private readonly delivery: HolderDeliveryService,
    private readonly audit: AuditService,
    private readonly codes: SecretCodes,
  ) {
    this.issuerUrl = new URL(config.PUBLIC_BASE_URL).origin;
    allowHttpIdentifiersOutsideProduction(config);
    this.authorizationServerMetadata = this.authorizationServer.createAuthorizationServerMetadata({
      issuer: this.issuerUrl,
      token_endpoint: `${this.issuerUrl}/oid4vci/token`,
      grant_types_supported: [preAuthorizedCodeGrantIdentifier],
      'pre-authorized_grant_anonymous_access_supported': true,
      token_endpoint_auth_methods_supported: ['none'],
    });
    const configurations = credentialConfigurationsSupported(this.issuerUrl);
    // createCredentialIssuerMetadata validates against the library's OpenID4VCI metadata schema.
    this.issuerMetadata = this.issuer.createCredentialIssuerMetadata({
      credential_issuer: this.issuerUrl,
      credential_endpoint: `${this.issuerUrl}/oid4vci/credential`,
      deferred_credential_endpoint: `${this.issuerUrl}/oid4vci/deferred`,
      nonce_endpoint: `${this.issuerUrl}/oid4vci/nonce`,
      authorization_servers: [this.issuerUrl],
      batch_credential_issuance: { batch_size: BATCH_SIZE },
      display: [
        { name: 'Recognition engine NL-DE-BE', locale: 'en' },
        { name: 'Erkenningsdienst NL-DE-BE', locale: 'nl' },
        { name: 'Anerkennungsdienst NL-DE-BE', locale: 'de' },
      ],
      credential_configurations_supported: configurations as CredentialIssuerMetadata['credential_configurations_supported'],
    });
    this.metadataResult = {
      originalDraftVersion: Openid4vciVersion.V1,
      credentialIssuer: this.issuerMetadata,
      authorizationServers: [this.authorizationServerMetadata],
      knownCredentialConfigurations: this.issuer.getKnownCredentialConfigurationsSupported(this.issuerMetadata),
    };
  }

  /** The offer as an openid-credential-offer:// URI (by value), built by the library. */
  async offerUri(preAuthorizedCode: string, configurationIds: string[]): Promise<string> {
    const { credentialOffer } = await this.issuer.createCredentialOffer({
      issuerMetadata: this.metadataResult,
      credentialConfigurationIds: configurationIds,
      grants: {
        [preAuthorizedCodeGrantIdentifier]: {
          'pre-authorized_code': preAuthorizedCode,
          tx_code: { input_mode: 'numeric', length: 6, description: 'Code sent by your school' },
        },
      },
    });
    return credentialOffer;
  }

  /** Nonce endpoint (OpenID4VCI 1.0): a fresh single-use c_nonce for a proof of possession. */
  async nonce(): Promise<HttpAnswer> {
    const cNonce = randomCode();
    await this.offers.insertNonce(codeHash(cNonce), NONCE_TTL_SECONDS);
    return { status: 200, body: this.issuer.createNonceResponse({ cNonce, cNonceExpiresIn: NONCE_TTL_SECONDS }) as Record<string, unknown> };
  }

  /** Offers made before keyed hashes were introduced keep their plain salted SHA-256 until they expire. */
  private txCodeMatches(txCode: string, offerId: string, stored: string): boolean {
    return sameHash(SecretCodes.isKeyed(stored) ? this.codes.hash(txCode, offerId) : codeHash(txCode, offerId), stored);
  }

  /** The nonce a proof must carry: the access token's c_nonce, or an unused one from the nonce endpoint. */
  private async expectedNonce(tx: EntityManager, jwt: string, offerNonce: string | null): Promise<{ nonce?: string; expiresAt?: Date }> {
    let claimed: unknown;
    try {
      claimed = decodeJwt(jwt).nonce;
    } catch {
      throw new OAuthError(400, 'invalid_proof', 'the proof is not a JWT');
    }
    if (typeof claimed !== 'string' || claimed === offerNonce) return { nonce: offerNonce ?? undefined };
    const expiresAt = await this.offers.takeNonce(tx, codeHash(claimed));
    if (!expiresAt) throw new OAuthError(400, 'invalid_nonce', 'the proof carries a nonce this issuer did not give or that was used already');
    return { nonce: claimed, expiresAt };
  }

  /** Token endpoint: the pre-authorized code and its tx_code for an opaque access token. */
  async token(body: Record<string, unknown>, request: HttpRequestLike): Promise<Record<string, unknown>> {
    const req = { method: request.method as HttpMethod, url: request.url, headers: request.headers };
    let parsed;
    try {
      parsed = this.authorizationServer.parseAccessTokenRequest({ accessTokenRequest: body, request: req });
    } catch (e) {
      throw asOAuth(e, 'invalid_request');
    }
    if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier) throw new OAuthError(400, 'unsupported_grant_type', 'only the pre-authorized code grant is supported');
    const grant = parsed.grant;
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (m) => {
      const offer = await this.offers.byPreAuthorizedCode(m, codeHash(grant.preAuthorizedCode));
      if (!offer) return { error: new OAuthError(400, 'invalid_grant', 'unknown pre-authorized code') };
      const refusal = redemptionRefusal({ expiresAt: offer.expires_at, redeemedAt: offer.redeemed_at, lockedAt: offer.locked_at, failedTxAttempts: offer.failed_tx_attempts }, now);
      if (refusal) return { error: new OAuthError(400, 'invalid_grant', REFUSAL_TEXT[refusal]) };
      if (!grant.txCode || !this.txCodeMatches(grant.txCode, offer.id, offer.tx_code_hash)) {
        const failed = offer.failed_tx_attempts + 1;
        const locked = failed >= MAX_TX_CODE_ATTEMPTS;
        await this.offers.update(m, offer.id, { failed_tx_attempts: failed, ...(locked ? { locked_at: now } : {}) });
        await this.audit.record(m, holderActor(offer.id), {
          action: locked ? 'wallet.offer.lock' : 'wallet.offer.tx_code_wrong',
          entityType: 'wallet_offer',
          entityId: offer.id,
          before: { failedTxAttempts: offer.failed_tx_attempts },
          after: { failedTxAttempts: failed, locked },
        });
        const text = locked ? REFUSAL_TEXT.LOCKED : `tx_code is ${grant.txCode ? 'wrong' : 'missing'} (${failed} of ${MAX_TX_CODE_ATTEMPTS} attempts used)`;
        return { error: new OAuthError(400, 'invalid_grant', text) };
      }
      try {
        await this.authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
          authorizationServerMetadata: this.authorizationServerMetadata,
          grant,
          accessTokenRequest: parsed.accessTokenRequest,
          request: req,
          expectedPreAuthorizedCode: grant.preAuthorizedCode,
          expectedTxCode: grant.txCode,
          preAuthorizedCodeExpiresAt: offer.expires_at,
          now,
        });
      } catch (e) {
        return { error: asOAuth(e, 'invalid_grant') };
      }
      const accessToken = randomCode();
      const cNonce = randomCode();
      await this.offers.update(m, offer.id, {
        redeemed_at: now,
        access_token_hash: codeHash(accessToken),
        access_token_expires_at: new Date(now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000),
        c_nonce: cNonce,
      });
      await this.audit.record(m, holderActor(offer.id), {
        action: 'wallet.offer.redeem',
        entityType: 'wallet_offer',
        entityId: offer.id,
        before: { redeemedAt: null },
        after: { redeemedAt: now.toISOString(), credentialId: offer.credential_id },
      });
      return { ok: { access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS, c_nonce: cNonce, c_nonce_expires_in: ACCESS_TOKEN_TTL_SECONDS } };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  /** Credential endpoint: one credential per proof of possession, in the requested configuration's format. */
  async credential(authorization: string | undefined, body: Record<string, unknown>): Promise<HttpAnswer> {
    const token = bearer(authorization);
    let parsed;
    try {
      parsed = this.issuer.parseCredentialRequest({ issuerMetadata: this.metadataResult, credentialRequest: body });
    } catch (e) {
      throw asOAuth(e, 'invalid_credential_request');
    }
    const configId = parsed.credentialConfigurationId;
    const config = configId ? configuration(configId) : undefined;
    if (!configId || !config) throw new OAuthError(400, 'unknown_credential_configuration', 'credential_configuration_id is required and must name a configuration of the issuer metadata');
    const jwts = parsed.proofs?.jwt ?? [];
    if (!jwts.length) throw new OAuthError(400, 'invalid_proof', 'a jwt proof of possession of the holder key is required');
    if (jwts.length > BATCH_SIZE) throw new OAuthError(400, 'invalid_credential_request', `at most ${BATCH_SIZE} proofs per request`);

    return this.dataSource.transaction(async (tx) => {
      const offer = await this.offerOfToken(tx, token);
      if (!offer.configuration_ids.includes(configId)) throw new OAuthError(400, 'unknown_credential_configuration', `"${configId}" was not offered in this credential offer`);
      if (offer.delivered.includes(configId)) throw new OAuthError(400, 'credential_request_denied', `"${configId}" was already delivered for this offer`);
      const holders: HolderKey[] = [];
      // One nonce for all proofs of a request (OpenID4VCI 1.0 batches): a nonce-endpoint nonce is taken once.
      let expected: { nonce?: string; expiresAt?: Date } | undefined;
      for (const jwt of jwts) {
        let signer;
        try {
          expected ??= await this.expectedNonce(tx, jwt, offer.c_nonce);
          ({ signer } = await this.issuer.verifyCredentialRequestJwtProof({ issuerMetadata: this.metadataResult, jwt, expectedNonce: expected.nonce, nonceExpiresAt: expected.expiresAt }));
        } catch (e) {
          throw asOAuth(e, 'invalid_proof');
        }
        const jwk = await holderJwkOf(signer).catch((e: Error) => {
          throw new OAuthError(400, 'invalid_proof', e.message);
        });
        holders.push({ jwk, did: holderDidOf(signer, jwk) });
      }
      await this.offers.update(tx, offer.id, { delivered: [...offer.delivered, configId] });
      const credentials = await this.deliverAll(offer.credential_id, config.format, holders);
      if (!credentials) {
        // Not signed by every co-issuer yet: the wallet gets a transaction id and asks again later.
        const transactionId = randomCode();
        await this.offers.insertDeferred(tx, { transactionIdHash: codeHash(transactionId), offerId: offer.id, configurationId: configId, holders });
        // The access token must outlive the wait: it stays valid until the offer expires.
        await this.offers.update(tx, offer.id, { access_token_expires_at: offer.expires_at });
        await this.audit.record(tx, holderActor(offer.id), { action: 'wallet.credential.defer', entityType: 'credential', entityId: offer.credential_id, before: null, after: { offerId: offer.id, configuration: configId } });
        return { status: 202, body: this.issuer.createCredentialResponse({ credentialRequest: parsed, transactionId, interval: DEFERRED_INTERVAL }) as Record<string, unknown> };
      }
      await this.recordDelivery(tx, offer.id, offer.credential_id, configId, credentials.length);
      return { status: 200, body: this.issuer.createCredentialResponse({ credentialRequest: parsed, credentials, notificationId: randomUUID() }) as Record<string, unknown> };
    });
  }

  /** Deferred credential endpoint: the credentials of an earlier request once they can be signed. */
  async deferred(authorization: string | undefined, body: Record<string, unknown>): Promise<HttpAnswer> {
    const token = bearer(authorization);
    let transactionId: string;
    try {
      transactionId = this.issuer.parseDeferredCredentialRequest({ deferredCredentialRequest: body }).deferredCredentialRequest.transaction_id;
    } catch (e) {
      throw asOAuth(e, 'invalid_credential_request');
    }
    return this.dataSource.transaction(async (tx) => {
      const offer = await this.offerOfToken(tx, token);
      const pending = await this.offers.deferred(tx, codeHash(transactionId), offer.id);
      if (!pending || pending.delivered_at) throw new OAuthError(400, 'invalid_transaction_id', 'unknown or already answered transaction_id');
      const config = configuration(pending.configuration_id)!;
      const credentials = await this.deliverAll(offer.credential_id, config.format, pending.holders);
      if (!credentials) return { status: 202, body: this.issuer.createDeferredCredentialResponse({ transactionId, interval: DEFERRED_INTERVAL }) as Record<string, unknown> };
      await this.offers.deferredDelivered(tx, pending.transaction_id_hash);
      await this.recordDelivery(tx, offer.id, offer.credential_id, pending.configuration_id, credentials.length);
      return { status: 200, body: this.issuer.createDeferredCredentialResponse({ credentials }) as Record<string, unknown> };
    });
  }

  private async offerOfToken(tx: EntityManager, token: string): Promise<WalletOfferRow> {
    const offer = await this.offers.byAccessToken(tx, codeHash(token));
    if (!offer || !offer.access_token_expires_at || offer.access_token_expires_at.getTime() <= Date.now()) throw new OAuthError(401, 'invalid_token', 'the access token is unknown or expired');
    return offer;
  }

  /** Signed credentials for each holder key, or null while a co-issuer's proof is missing. */
  private async deliverAll(credentialId: string, format: WalletFormat, holders: HolderKey[]): Promise<Array<{ credential: string | Record<string, unknown> }> | null> {
    const out: Array<{ credential: string | Record<string, unknown> }> = [];
    for (const holder of holders) {
      try {
        out.push({ credential: await this.delivery.deliver(credentialId, format, holder) });
      } catch (e) {
        if (e instanceof DeliveryRefused && e.reason === 'PENDING_COSIGNATURE') return null;
        if (e instanceof DeliveryRefused) throw new OAuthError(400, 'credential_request_denied', e.message);
        throw e;
      }
    }
    return out;
  }

  private recordDelivery(tx: EntityManager, offerId: string, credentialId: string, configId: string, count: number): Promise<void> {
    return this.audit.record(tx, holderActor(offerId), {
      action: 'wallet.credential.deliver',
      entityType: 'credential',
      entityId: credentialId,
      before: null,
      after: { offerId, configuration: configId, format: configuration(configId)!.format, count },
    });
  }
}

function bearer(authorization: string | undefined): string {
  const m = /^(?:Bearer|DPoP)\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) throw new OAuthError(401, 'invalid_token', 'an access token from the token endpoint is required (Authorization: Bearer …)');
  return m[1];
}

function asOAuth(e: unknown, fallback: string): OAuthError {
  if (e instanceof OAuthError) return e;
  if (e instanceof Oauth2ServerErrorResponseError) {
    const r = e.errorResponse as { error: string; error_description?: string };
    return new OAuthError(r.error === 'invalid_token' ? 401 : 400, r.error, r.error_description ?? e.message);
  }
  return new OAuthError(400, fallback, e instanceof Error ? e.message : String(e));
}
