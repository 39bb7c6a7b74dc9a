import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Openid4vpVerifier } from '@openid4vc/openid4vp';
// After the @openid4vc imports: they replace zod's messages process-wide.
import '../platform/validation/own-zod-messages';
import { DataSource } from 'typeorm';
import { IssuerService } from '../credentials/issuer.service';
import { VerificationService } from '../credentials/verification.service';
import { allowHttpIdentifiersOutsideProduction } from './insecure-urls';
import { AuditService, walletParty } from '../platform/audit/audit.service';
import type { Actor } from '../platform/auth/actor';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/config.schema';
import { SD_JWT_ALGS } from '../credentials/domain/sd-jwt-presentation-checks';
import { issuerCallbacks } from './domain/holder-keys';
import { dcqlQueryOf, KIND_QUERY_ID, newNonce, presentationOutcome, PresentationRequestSpec, vpTokenDigest } from './domain/presentation-request';
import { HttpAnswer, OAuthError } from './oid4vci.service';
import { PresentationRequestRepository } from './persistence/presentation-request.repository';

const walletActor = (requestId: string) => walletParty(`presentation:${requestId}`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The OpenID4VP 1.0 verifier of employers, on the OpenWallet Foundation library: authorization requests by value
 * with the `redirect_uri` client identifier prefix (unsigned, as that prefix requires), a DCQL query, response
 * mode `direct_post` to a per-request response URI. The presentation goes through the verification pipeline.
 */
@Injectable()
export class Oid4vpService {
  readonly baseUrl: string;
  private readonly callbacks = {
    ...issuerCallbacks,
    // Responses are plain direct_post: nothing is encrypted to or by the verifier.
    encryptJwe: (): never => {
      throw new Error('encrypted responses are not supported');
    },
    decryptJwe: (): never => {
      throw new Error('encrypted responses are not supported');
    },
  };
  readonly verifier = new Openid4vpVerifier({ callbacks: this.callbacks });

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly requests: PresentationRequestRepository,
    private readonly verification: VerificationService,
    private readonly issuers: IssuerService,
    private readonly audit: AuditService,
  ) {
    this.baseUrl = new URL(config.PUBLIC_BASE_URL).origin;
    allowHttpIdentifiersOutsideProduction(config);
  }

  responseUri(id: string): string {
    return `${this.baseUrl}/oid4vp/requests/${id}/response`;
  }

  /** Builds and stores a request; the caller has checked the role and the input. */
  async create(actor: Actor, spec: PresentationRequestSpec, expiresAt: Date): Promise<{ id: string; requestUri: string; dcqlQuery: unknown; expiresAt: Date }> {
    const id = randomUUID();
    const nonce = newNonce();
    const responseUri = this.responseUri(id);
    const clientId = `redirect_uri:${responseUri}`;
    const dcqlQuery = dcqlQueryOf(spec, this.baseUrl);
    const { authorizationRequest, authorizationRequestPayload } = await this.verifier.createOpenId4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token',
        client_id: clientId,
        response_uri: responseUri,
        response_mode: 'direct_post',
        nonce,
        state: id,
        dcql_query: dcqlQuery,
        client_metadata: {
          client_name: 'Recognition engine NL-DE-BE (employer verification)',
          vp_formats_supported: { 'dc+sd-jwt': { 'sd-jwt_alg_values': SD_JWT_ALGS as [string, ...string[]], 'kb-jwt_alg_values': SD_JWT_ALGS as [string, ...string[]] } },
        },
      },
    });
    await this.dataSource.transaction(async (m) => {
      await this.requests.insert(m, { id, created_by: actor.subject, kind: spec.kind, spec, authorization_request: authorizationRequestPayload as Record<string, unknown>, nonce, client_id: clientId, expires_at: expiresAt });
      await this.audit.record(m, actor, {
        action: 'wallet.presentation_request.create',
        entityType: 'presentation_request',
        entityId: id,
        before: null,
        after: { kind: spec.kind, qualificationKey: spec.qualificationKey ?? null, programme: spec.programme ?? null, fields: spec.fields, jurisdiction: spec.jurisdiction, profession: spec.profession ?? null, expiresAt: expiresAt.toISOString() },
      });
    });
    return { id, requestUri: authorizationRequest, dcqlQuery, expiresAt };
  }

  /**
   * The wallet's direct_post. A well-formed answer to a pending request is verified and recorded once (VERIFIED or
   * REFUSED, with the report); anything else is refused with an OAuth error and changes nothing.
   */
  async respond(id: string, body: Record<string, unknown>): Promise<HttpAnswer> {
    if (!UUID.test(id)) throw new OAuthError(404, 'invalid_request', `unknown presentation request "${id.slice(0, 64)}"`);
    const row = await this.requests.byId(id);
    if (!row) throw new OAuthError(404, 'invalid_request', `unknown presentation request "${id}"`);
    if (row.status !== 'PENDING') throw new OAuthError(400, 'invalid_request', 'this presentation request has already been answered; a response is accepted once');
    if (row.expires_at.getTime() <= Date.now()) throw new OAuthError(400, 'invalid_request', `this presentation request expired at ${row.expires_at.toISOString()}`);
    if (typeof body.error === 'string') throw new OAuthError(400, 'invalid_request', `the wallet answered with an error (${body.error.slice(0, 100)}); the request stays open until it expires`);

    let presentation: unknown;
    try {
      const parsed = await this.verifier.parseOpenid4vpAuthorizationResponse({ authorizationResponse: body, authorizationRequestPayload: row.authorization_request as never, callbacks: this.callbacks });
      if (parsed.type !== 'dcql') throw new Error('expected a DCQL vp_token');
      const entries = parsed.dcql.presentations[KIND_QUERY_ID[row.kind]];
      if (!entries) throw new Error(`vp_token has no presentation for the credential query "${KIND_QUERY_ID[row.kind]}"`);
      if (entries.length !== 1) throw new Error('exactly one presentation is expected');
      presentation = entries[0];
    } catch (e) {
      throw new OAuthError(400, 'invalid_request', `malformed authorization response: ${(e as Error).message}`);
    }

    const report = await this.verification.verifySdJwtPresentation(presentation, { nonce: row.nonce, audience: row.client_id });
    const outcome = presentationOutcome(row.spec, report, report.claims);
    const { credential, claims, ...checks } = report;
    const verified = outcome.status === 'VERIFIED';
    const inst = verified && report.issuer ? await this.issuers.institutionByDid(report.issuer) : null;
    const result = {
      report: checks,
      message: outcome.message,
      disclosed: verified ? outcome.disclosed : null,
      missing: outcome.missing,
      issuer: verified ? { did: report.issuer, name: inst?.name ?? null, jurisdiction: inst?.jurisdiction_code ?? null } : null,
      qualification: verified ? ((claims?.achievement as { specifiedBy?: unknown } | undefined)?.specifiedBy ?? null) : null,
      qualificationId: verified ? await this.verification.linkedQualificationId(credential) : null,
    };
    const accepted = await this.dataSource.transaction(async (m) => {
      if (!(await this.requests.answer(m, id, { status: outcome.status, reason: outcome.reason, result }))) return false;
      await this.audit.record(m, walletActor(id), {
        action: verified ? 'wallet.presentation.verify' : 'wallet.presentation.refuse',
        entityType: 'presentation_request',
        entityId: id,
        before: { status: 'PENDING' },
        after: { status: outcome.status, reason: outcome.reason, credentialId: report.credentialId, issuer: report.issuer, vpTokenDigest: vpTokenDigest(body.vp_token) },
      });
      return true;
    });
    if (!accepted) throw new OAuthError(400, 'invalid_request', 'this presentation request has already been answered or has expired; a response is accepted once');
    if (!verified) throw new OAuthError(400, 'access_denied', `presentation refused: ${outcome.reason}: ${outcome.message}`);
    return { status: 200, body: {} };
  }
}
