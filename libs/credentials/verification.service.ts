import { Injectable } from '@nestjs/common';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { DataSource } from 'typeorm';
import { contentHash } from '../catalogue/domain/qualification-text';
import { AccreditationService } from './accreditation.service';
import { DocumentLoader } from './domain/document-loader';
import { unwrapCredential } from './domain/envelope';
import { PresentationProofResult, verifyPresentationJwt, verifyPresentationProof } from './domain/presentation';
import { verifyJwt, VerifiableCredential } from './domain/proofs';
import { issuerIdOf, MAX_CREDENTIAL_BYTES, runPipeline, VerificationPorts } from './domain/verification-checks';
import { ProofPool } from './proof-pool/proof-pool.service';
import { summarise, VerificationReport } from './domain/verification';
import { didDocumentOf, IssuerService } from './issuer.service';
import { CredentialLoader } from './loader.provider';
import { HostCompanyCheck } from './host-company.check';
import { trustDecision } from './domain/federation/trust-list';
import { ForeignDidService } from './federation/foreign-did.service';
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
    private readonly issuers: IssuerService,
    private readonly accreditation: AccreditationService,
    private readonly dataSource: DataSource,
    private readonly proofs: ProofPool,
    private readonly hostCompanies: HostCompanyCheck,
    private readonly foreignDids: ForeignDidService,
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

  /** One verification reads each institution, key list and document once, however many checks ask. */
  private ports(): VerificationPorts {
    const institutions = new Map<string, ReturnType<IssuerService['institutionByDid']>>();
    const institutionByDid = (did: string) => institutions.get(did) ?? institutions.set(did, this.issuers.institutionByDid(did)).get(did)!;
    const keyLists = new Map<string, ReturnType<IssuerService['keysOf']>>();
    const keysOf = (institutionId: string) => keyLists.get(institutionId) ?? keyLists.set(institutionId, this.issuers.keysOf(institutionId)).get(institutionId)!;
    const didDocument = async (did: string) => {
      const inst = await institutionByDid(did);
      if (inst) return didDocumentOf(inst, await keysOf(inst.id));
      // Another host's DID: only what an admin approved; refusals carry their reason into the proof's error.
      return did.startsWith('did:web:') ? this.foreignDids.resolve(did) : null;
    };
    const documents = new Map<string, ReturnType<DocumentLoader>>();
    const load: DocumentLoader = (url) => {
      const hit = documents.get(url);
      if (hit) return hit;
      const doc = this.loader.load(url);
      documents.set(url, doc);
      return doc;
    };
    return {
      institutionByDid,
      keysOf,
      verifyProofSet: (credential) => this.proofs.verifyProofSet(credential, didDocument),
      verifyJwt: (jwt) => verifyJwt(jwt, this.loader.load),
      accreditation: (institutionId, target, at) => this.accreditation.check(institutionId, target, at),
      trustList: async (did) => trustDecision(await this.trustLists.trustEntries(did), did, new Date()),
      hostCompany: (credential, issuerJurisdiction) => this.hostCompanies.check(credential, issuerJurisdiction),
      tokenStatus: (uri, idx) => this.tokenStatus(uri, idx, institutionByDid, keysOf),
      status: async (credential) => {
        const listProblem = await this.statusListsProblem(credential, load);
        if (listProblem) return { ok: false, error: listProblem };
        const r = await checkStatus({ credential, documentLoader: load, suite: new DataIntegrityProof({ cryptosuite }), verifyBitstringStatusListCredential: false, verifyMatchingIssuers: true });
        if (!r.verified) return { ok: false, error: r.error?.message ?? 'unknown error' };
        // checkStatus answers verified:true even for a set bit; the bit itself is in `status`.
        return { ok: true, bits: (r.results as Array<{ status: boolean; credentialStatus: { statusPurpose: string } }>).map((s) => ({ purpose: s.credentialStatus.statusPurpose, set: s.status })) };
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

  /** Content hashes of status-list credentials (proof included) already verified; any change misses the cache. */
  private readonly verifiedLists = new Set<string>();

  /**
   * Verifies each referenced status-list credential's own proof once per signed version. The library would
   * re-verify it on every call, doubling the canonicalisation work of a verification.
   */
  private async statusListsProblem(credential: VerifiableCredential, load: DocumentLoader): Promise<string | null> {
    const entries = (Array.isArray(credential.credentialStatus) ? credential.credentialStatus : [credential.credentialStatus]) as Array<{ statusListCredential?: unknown }>;
    if (entries.some((e) => typeof e?.statusListCredential !== 'string')) return 'every status entry needs a statusListCredential URL';
    const urls = [...new Set(entries.map((e) => e.statusListCredential as string))];
    for (const url of urls) {
      let list: VerifiableCredential;
      try {
        list = (await load(url)).document as VerifiableCredential;
      } catch (e) {
        return `status list ${url}: ${(e as Error).message}`;
      }
      const hash = contentHash(list);
      if (this.verifiedLists.has(hash)) continue;
      const proofs = await this.proofs.verifyProofSet(list).catch(() => []);
      const issuer = issuerIdOf(list);
      if (!proofs.length || !proofs.every((p) => p.verified && p.controller === issuer)) return `status list ${url} does not verify`;
      if (this.verifiedLists.size > 10_000) this.verifiedLists.clear();
      this.verifiedLists.add(hash);
    }
    return null;
  }
}
