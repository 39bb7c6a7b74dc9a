import { Injectable } from '@nestjs/common';
import { AppError } from '../platform/errors/app-error';
import { CredentialsSettings } from './credentials.settings';
import { signerFor } from './domain/key-cache';
import { signJwt, VerifiableCredential } from './domain/proofs';
import { issueSdJwtVc, SD_JWT_VCT_PATH, sdJwtClaims } from './domain/sd-jwt-vc';
import { tokenStatusListJwt } from './domain/token-status-list';
import { IssuerService } from './issuer.service';
import { CredentialsRepository } from './persistence/credentials.repository';
import { IssuedCredentialRow } from './persistence/rows';
import { ProofPool } from './proof-pool/proof-pool.service';

export type DeliveryFormat = 'ldp_vc' | 'jwt_vc_json' | 'dc+sd-jwt';

export interface HolderKey {
  /** The holder's public key as proven in the wallet's proof of possession. */
  jwk: Record<string, unknown>;
  /** did:jwk (or the did:key the wallet named) of that key: the W3C formats' credentialSubject.id. */
  did: string;
}

/** Why a credential cannot be delivered yet or at all; the wallet layer maps it to an OpenID4VCI error. */
export class DeliveryRefused extends Error {
  constructor(
    readonly reason: 'REVOKED' | 'PENDING_COSIGNATURE' | 'FORMAT_NOT_OFFERED',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Signs an issued credential again, bound to a holder's key, in a wallet format. The credential keeps its id,
 * content and status entries (so revoking it in the service reaches every delivered copy); only the subject id
 * (or `cnf`) changes. Keys stay here: callers get signed credentials back, never key material.
 */
@Injectable()
export class HolderDeliveryService {
  constructor(
    private readonly repo: CredentialsRepository,
    private readonly issuers: IssuerService,
    private readonly proofs: ProofPool,
    private readonly settings: CredentialsSettings,
  ) {}

  async credential(id: string): Promise<IssuedCredentialRow> {
    const row = await this.repo.credential(id);
    if (!row) throw AppError.notFound('credential', id);
    return row;
  }

  /** Public facts of an institution (no keys): who may offer its credentials is decided from them. */
  async institution(id: string): Promise<{ id: string; type: string; jurisdictionCode: string } | null> {
    const inst = await this.repo.institution(id);
    return inst ? { id: inst.id, type: inst.type, jurisdictionCode: inst.jurisdiction_code } : null;
  }

  async deliver(credentialId: string, format: DeliveryFormat, holder: HolderKey): Promise<string | VerifiableCredential> {
    const row = await this.credential(credentialId);
    if (row.status === 'REVOKED') throw new DeliveryRefused('REVOKED', 'the credential has been revoked');
    const missing = row.co_issuers.filter((d) => !row.cosigned_by.includes(d));
    if (missing.length) throw new DeliveryRefused('PENDING_COSIGNATURE', `waiting for the co-issuer's proof (${missing.join(', ')})`);
    const base = structuredClone(row.jwt ? JSON.parse(Buffer.from(row.jwt.split('.')[1], 'base64url').toString('utf8')) : row.document) as VerifiableCredential;
    delete base.proof;
    base.credentialSubject = { ...base.credentialSubject, id: holder.did };
    const key = await this.issuers.signingKey(row.institution_id);

    if (format === 'jwt_vc_json') return signJwt(base, key);
    if (format === 'ldp_vc') {
      let signed = await this.proofs.signAsIssuer(base, key);
      for (const did of row.cosigned_by) {
        const inst = this.settings.institutionIdOf(did);
        if (inst) signed = await this.proofs.addCoIssuerProof(signed, await this.issuers.signingKey(inst));
      }
      return signed;
    }
    const vctPath = SD_JWT_VCT_PATH[row.type];
    if (!vctPath) throw new DeliveryRefused('FORMAT_NOT_OFFERED', `${row.type} is not offered as dc+sd-jwt`);
    const claims = sdJwtClaims(base, {
      vct: `${this.settings.baseUrl}${vctPath}`,
      holderJwk: holder.jwk,
      issuedAt: new Date(),
      status: { uri: this.tokenStatusListUrl(row.revocation_list_id), idx: row.revocation_index },
    });
    const signer = await signerFor(key);
    return issueSdJwtVc(claims, key.id, (data) => signer.sign({ data }));
  }

  tokenStatusListUrl(listId: string): string {
    return `${this.settings.statusListUrl(listId)}/token`;
  }

  /** The signed Token Status List of a revocation list, re-signed only when the list changed. */
  async tokenStatusList(listId: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/.test(listId)) return null;
    const row = await this.repo.statusList(listId);
    if (!row || row.purpose !== 'revocation') return null;
    // Suspensions live on another list; the credentials suspended right now give the SUSPENDED entries.
    const suspended = await this.repo.suspendedIndexes(row.id);
    const cacheKey = `${row.id}@${new Date(row.updated_at).getTime()}:${suspended.join(',')}`;
    const cached = this.tokenLists.get(row.id);
    // A day-long exp: re-sign well before it, even when nothing changed.
    if (cached && cached.key === cacheKey && Date.now() - cached.at < 3600_000) return cached.jwt;
    const key = await this.issuers.signingKey(row.institution_id);
    const signer = await signerFor(key);
    const jwt = await tokenStatusListJwt(
      { encodedList: row.encoded_list, length: row.length, suspended, uri: this.tokenStatusListUrl(row.id), issuerDid: key.controller, kid: key.id, now: new Date() },
      (data) => signer.sign({ data }),
    );
    this.tokenLists.set(row.id, { key: cacheKey, at: Date.now(), jwt });
    return jwt;
  }

  private readonly tokenLists = new Map<string, { key: string; at: number; jwt: string }>();
}
