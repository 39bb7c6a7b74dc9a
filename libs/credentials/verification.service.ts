import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contentHash } from '../catalogue/domain/qualification-text';
import { matchAccreditation } from './accreditation.service';
import { CredentialsCache, lazyView } from './credentials-cache';
import { DocumentRefused } from './domain/document-loader';
import { readStatusBits } from './domain/status-list';
import { PresentationProofResult, verifyPresentationProof } from './domain/presentation';
import { verifyJwt, VerifiableCredential } from './domain/proofs';
import { issuerIdOf, MAX_CREDENTIAL_BYTES, runPipeline, VerificationPorts } from './domain/verification-checks';
import { ProofPool } from './proof-pool/proof-pool.service';
import { summarise, VerificationReport } from './domain/verification';
import { didDocumentOf } from './issuer.service';
import { CredentialLoader } from './loader.provider';
import { HostCompanyCheck } from './host-company.check';

export { MAX_CREDENTIAL_BYTES };

export interface VerifyOptions {
  now?: Date;
  /** VC-API options.checks: only these checks run (format and schema always do). */
  checks?: readonly string[];
}

/** Verifies a credential through the pipeline of named checks (domain/verification-checks.ts); never throws for a bad credential, it reports. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly loader: CredentialLoader,
    private readonly cache: CredentialsCache,
    private readonly dataSource: DataSource,
    private readonly proofs: ProofPool,
    private readonly hostCompanies: HostCompanyCheck,
  ) {}

  /** The catalogue qualification a diploma credential refers to, if it is in the catalogue. */
  async linkedQualificationId(credential: VerifiableCredential | null): Promise<string | null> {
    const key = credential?.credentialSubject?.hasClaim?.specifiedBy?.catalogueKey;
    if (typeof key !== 'string') return null;
    return (await this.dataSource.query('SELECT id FROM qualification WHERE key = $1', [key]))[0]?.id ?? null;
  }

  async verify(input: unknown, o: Date | VerifyOptions = {}): Promise<VerificationReport & { credential: VerifiableCredential | null }> {
    const opts: VerifyOptions = o instanceof Date ? { now: o } : o;
    const { ctx, checks } = await runPipeline(input, this.ports(), { now: opts.now, only: opts.checks });
    const credential = ctx.credential;
    return {
      ...summarise(checks, {
        credentialId: typeof credential?.id === 'string' ? credential.id : null,
        types: Array.isArray(credential?.type) ? credential!.type.filter((t: unknown) => typeof t === 'string') : typeof credential?.type === 'string' ? [credential.type] : [],
        issuer: issuerIdOf(credential),
        ...ctx.flags,
      }),
      credential,
    };
  }

  /** A presentation's own proof (authentication), through the closed loader. */
  verifyPresentationProof(vp: Record<string, unknown>, o: { challenge?: string; domain?: string }): Promise<PresentationProofResult> {
    return verifyPresentationProof(vp, o, this.loader.load);
  }

  /**
   * One verification takes one view of the registry and the status lists (one query for the change counters, the
   * rows from memory unless something changed), so a revocation or a new key committed by any process is seen.
   */
  private ports(): VerificationPorts {
    const view = lazyView(this.cache);
    const institutionByDid = async (did: string) => (await view()).institutionByDid(did);
    const keysOf = async (institutionId: string) => (await view()).keysOf(institutionId);
    const didDocument = async (did: string) => {
      const inst = await institutionByDid(did);
      return inst ? didDocumentOf(inst, await keysOf(inst.id)) : null;
    };
    const loadList = async (url: string): Promise<VerifiableCredential> => {
      if (!url.startsWith(this.loader.statusPrefix)) return (await this.loader.load(url)).document as VerifiableCredential;
      const id = url.slice(this.loader.statusPrefix.length);
      const row = /^[0-9a-f-]{36}$/.test(id) ? await (await view()).statusList(id) : null;
      if (!row?.credential) throw new DocumentRefused('UNKNOWN_DOCUMENT', url);
      return row.credential as VerifiableCredential;
    };
    return {
      institutionByDid,
      keysOf,
      verifyProofSet: (credential) => this.proofs.verifyProofSet(credential, didDocument),
      verifyJwt: (jwt) => verifyJwt(jwt, this.loader.load),
      accreditation: async (institutionId, target, at) => matchAccreditation(await (await view()).accreditationsOf(institutionId), institutionId, target, at),
      hostCompany: (credential, issuerJurisdiction) => this.hostCompanies.check(credential, issuerJurisdiction),
      status: async (credential) => {
        const listProblem = await this.statusListsProblem(credential, loadList, didDocument);
        if (listProblem) return { ok: false, error: listProblem };
        return readStatusBits(credential, loadList);
      },
    };
  }

  /** List documents (one object per cached version) whose proof has verified; content hashes for lists from elsewhere. */
  private readonly verifiedListDocuments = new WeakSet<object>();
  /** Content hashes of status-list credentials (proof included) already verified; any change misses the cache. */
  private readonly verifiedLists = new Set<string>();

  /**
   * Verifies each referenced status-list credential's own proof once per signed version. The library would
   * re-verify it on every call, doubling the canonicalisation work of a verification.
   */
  private async statusListsProblem(
    credential: VerifiableCredential,
    load: (url: string) => Promise<VerifiableCredential>,
    didDocument: (did: string) => Promise<Record<string, unknown> | null>,
  ): Promise<string | null> {
    const entries = (Array.isArray(credential.credentialStatus) ? credential.credentialStatus : [credential.credentialStatus]) as Array<{ statusListCredential?: unknown }>;
    if (entries.some((e) => typeof e?.statusListCredential !== 'string')) return 'every status entry needs a statusListCredential URL';
    const urls = [...new Set(entries.map((e) => e.statusListCredential as string))];
    for (const url of urls) {
      let list: VerifiableCredential;
      try {
        list = await load(url);
      } catch (e) {
        return `status list ${url}: ${(e as Error).message}`;
      }
      if (this.verifiedListDocuments.has(list)) continue;
      const hash = contentHash(list);
      if (this.verifiedLists.has(hash)) {
        this.verifiedListDocuments.add(list);
        continue;
      }
      const proofs = await this.proofs.verifyProofSet(list, didDocument).catch(() => []);
      const issuer = issuerIdOf(list);
      if (!proofs.length || !proofs.every((p) => p.verified && p.controller === issuer)) return `status list ${url} does not verify`;
      if (this.verifiedLists.size > 10_000) this.verifiedLists.clear();
      this.verifiedLists.add(hash);
      this.verifiedListDocuments.add(list);
    }
    return null;
  }
}
