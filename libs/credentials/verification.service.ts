import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contentHash } from '../catalogue/domain/qualification-text';
import { matchAccreditation } from './accreditation.service';
import { CredentialsCache, lazyView } from './credentials-cache';
import { DocumentRefused } from './domain/document-loader';
import { unwrapCredential } from './domain/envelope';
import { readStatusBits } from './domain/status-list';
import { PresentationProofResult, verifyPresentationJwt, verifyPresentationProof } from './domain/presentation';
import { verifyJwt, VerifiableCredential } from './domain/proofs';
import { issuerIdOf, MAX_CREDENTIAL_BYTES, runPipeline, VerificationPorts } from './domain/verification-checks';
import { ProofPool } from './proof-pool/proof-pool.service';
import { summarise, VerificationReport } from './domain/verification';
import { didDocumentOf } from './issuer.service';
import { CredentialLoader } from './loader.provider';
import { HostCompanyCheck } from './host-company.check';
import { trustDecision } from './domain/federation/trust-list';
import { ForeignDidService } from './federation/foreign-did.service';
import { ForeignStatusListService } from './federation/foreign-status-list.service';
import { TrustListService } from './federation/trust-list.service';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { publicJwkOf } from './domain/keys';
import { SD_JWT_PRESENTATION_PIPELINE } from './domain/sd-jwt-presentation-checks';
import { HolderDeliveryService } from './holder-delivery.service';
import { CredentialsSettings } from './credentials.settings';

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
    private readonly foreignDids: ForeignDidService,
    private readonly foreignStatusLists: ForeignStatusListService,
    private readonly trustLists: TrustListService,
    private readonly delivery: HolderDeliveryService,
    private readonly settings: CredentialsSettings,
  ) {}

  /** The catalogue qualification a diploma credential refers to, if it is in the catalogue. */
  async linkedQualificationId(credential: VerifiableCredential | null): Promise<string | null> {
    const key = credential?.credentialSubject?.hasClaim?.specifiedBy?.catalogueKey;
    if (typeof key !== 'string') return null;
    return (await this.dataSource.query('SELECT id FROM qualification WHERE key = $1', [key]))[0]?.id ?? null;
  }

  async verify(input: unknown, o: Date | VerifyOptions = {}): Promise<VerificationReport & { credential: VerifiableCredential | null }> {
    const opts: VerifyOptions = o instanceof Date ? { now: o } : o;
    return this.report(await runPipeline(unwrapCredential(input), this.ports(), { now: opts.now, only: opts.checks }));
  }

  /**
   * An SD-JWT VC presentation (with its key-binding JWT) through the presentation pipeline: the same report as
   * `verify`, with KEY_BINDING checked against the verifier's nonce and audience. `claims` are what was disclosed.
   */
  async verifySdJwtPresentation(vpToken: unknown, expect: { nonce: string; audience: string }, now?: Date): Promise<VerificationReport & { credential: VerifiableCredential | null; claims: Record<string, unknown> | null }> {
    const run = await runPipeline(vpToken, this.ports(), { now, pipeline: SD_JWT_PRESENTATION_PIPELINE, expect });
    return { ...this.report(run), claims: run.ctx.sdJwt?.claims ?? null };
  }

  private report({ ctx, checks }: Awaited<ReturnType<typeof runPipeline>>): VerificationReport & { credential: VerifiableCredential | null } {
    const credential = ctx.credential;
    return {
      ...summarise(checks, {
        credentialId: typeof credential?.id === 'string' ? credential.id : null,
        types: Array.isArray(credential?.type) ? credential!.type.filter((t: unknown) => typeof t === 'string') : typeof credential?.type === 'string' ? [credential.type] : [],
        issuer: issuerIdOf(credential),
        ...ctx.flags,
        trustedBy: ctx.trustedBy,
      }),
      credential,
    };
  }

  /** A presentation's own proof (authentication), through the closed loader. */
  verifyPresentationProof(vp: Record<string, unknown>, o: { challenge?: string; domain?: string }): Promise<PresentationProofResult> {
    return verifyPresentationProof(vp, o, this.loader.load);
  }

  /** An enveloped (JWT) presentation: the holder's signature, nonce and audience; the presentation it carries. */
  verifyPresentationJwt(jwt: string, o: { challenge?: string; domain?: string }) {
    return verifyPresentationJwt(jwt, o, this.loader.load);
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
      if (inst) return didDocumentOf(inst, await keysOf(inst.id));
      // Another host's DID: only what an admin approved; refusals carry their reason into the proof's error.
      return did.startsWith('did:web:') ? this.foreignDids.resolve(did) : null;
    };
    // One document per URL for the whole verification: the list whose proof is checked is the list whose bits are read.
    const lists = new Map<string, Promise<VerifiableCredential>>();
    const loadList = (url: string): Promise<VerifiableCredential> => {
      let list = lists.get(url);
      if (!list) lists.set(url, (list = loadListOnce(url)));
      return list;
    };
    const loadListOnce = async (url: string): Promise<VerifiableCredential> => {
      // Another host's list: only from a host on the admin's allowlist (its proof is checked below like ours).
      if (!url.startsWith(this.loader.statusPrefix)) return this.foreignStatusLists.load(url);
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
      trustList: async (did) => trustDecision(await this.trustLists.trustEntries(did), did, new Date()),
      hostCompany: (credential, issuerJurisdiction) => this.hostCompanies.check(credential, issuerJurisdiction),
      tokenStatus: (uri, idx) => this.tokenStatus(uri, idx, institutionByDid, keysOf),
      status: async (credential) => {
        const listProblem = await this.statusListsProblem(credential, loadList, didDocument);
        if (listProblem) return { ok: false, error: listProblem };
        return readStatusBits(credential, loadList);
      },
    };
  }

  /**
   * The status of one entry of a Token Status List of this service, read from its own store (nothing is fetched)
   * and checked like a relying party would: the list's signature by its issuer's key, then the entry.
   */
  private async tokenStatus(uri: string, idx: number, institutionByDid: VerificationPorts['institutionByDid'], keysOf: VerificationPorts['keysOf']): Promise<{ ok: true; status: number } | { ok: false; error: string }> {
    const prefix = this.settings.statusListPrefix;
    const m = uri.startsWith(prefix) ? /^([0-9a-f-]{36})\/token$/.exec(uri.slice(prefix.length)) : null;
    if (!m) return { ok: false, error: `${uri.slice(0, 200)} is not a status list of this service; other lists are not fetched` };
    const jwt = await this.delivery.tokenStatusList(m[1]);
    if (!jwt) return { ok: false, error: `status list ${uri} does not exist` };
    try {
      const kid = String(decodeProtectedHeader(jwt).kid);
      const did = kid.split('#')[0];
      const inst = await institutionByDid(did);
      const key = inst ? (await keysOf(inst.id)).find((k) => k.id === kid) : undefined;
      if (!key) return { ok: false, error: `status list ${uri}: its key ${kid} is not in the registry` };
      await compactVerify(jwt, await importJWK(await publicJwkOf({ id: key.id, controller: did, publicKeyMultibase: key.public_key_multibase }), 'EdDSA'));
      return { ok: true, status: getListFromStatusListJWT(jwt).getStatus(idx) };
    } catch (e) {
      return { ok: false, error: `status list ${uri}: ${(e as Error).message}` };
    }
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
