import { availableParallelism } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Piscina from 'piscina';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { AppConfig } from '../../platform/config/config.schema';
import { compiledWorker } from '../../platform/project-root';
import { CredentialsSettings } from '../credentials.settings';
import { DocumentRefused } from '../domain/document-loader';
import type { IssuerKeyPair } from '../domain/keys';
import type { ProofResult, VerifiableCredential } from '../domain/proofs';
import { IssuerService } from '../issuer.service';
import { controllersOf, type KeyMaterial, type LoaderSettings, runSign, runVerify, type SignTask, type VerifyTask } from './proof-tasks';

/**
 * Signs and verifies Data Integrity proofs on a pool of worker threads, by default one per core but the main
 * thread's, so that canonicalisation does not hold the main thread (which keeps HTTP, GraphQL and the database). With
 * PROOF_WORKERS=0, or without a compiled worker, the same tasks run on the main thread.
 */
@Injectable()
export class ProofPool implements OnApplicationShutdown {
  private readonly log = new Logger(ProofPool.name);
  private readonly pool: Piscina | null;
  private readonly settings: LoaderSettings;
  /** Key material per key pair object (the issuer service keeps one object per key). */
  private readonly material = new WeakMap<IssuerKeyPair, Promise<KeyMaterial>>();

  constructor(@Inject(APP_CONFIG) config: AppConfig, credentials: CredentialsSettings, private readonly issuers: IssuerService) {
    this.settings = { ownDidPrefix: credentials.ownDidPrefix, ownStatusListPrefix: credentials.statusListPrefix };
    // The main thread keeps a core busy with HTTP, GraphQL and the database; the workers get the others. On two
    // cores a second worker only contends with them (and costs its own heap).
    const threads = config.PROOF_WORKERS ?? Math.max(1, availableParallelism() - 1);
    const filename = threads > 0 ? compiledWorker(__dirname, 'libs/credentials/proof-pool/proof-worker.ts') : null;
    if (threads > 0 && !filename) this.log.warn('proof worker not built; proofs run on the main thread');
    // piscina 4.9 never starts a thread for a task when minThreads is 0: keep one, the others come with load.
    // A worker that hits the cap fails its task with an error and piscina starts another.
    const resourceLimits = { maxOldGenerationSizeMb: config.PROOF_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 8 };
    // Two tasks per worker: the next one is already in the worker when a result is posted, so the worker does not
    // sit idle until a busy main thread has taken the result (at 32 issuances in flight that wait was most of a
    // proof's latency). More interleaves tasks in the worker for no gain (bench: 1, 2 and 4 compared).
    this.pool = filename
      ? new Piscina({ filename, workerData: this.settings, minThreads: 1, maxThreads: threads, concurrentTasksPerWorker: 2, idleTimeout: 30_000, resourceLimits })
      : null;
  }

  get threads(): number {
    return this.pool?.options.maxThreads ?? 0;
  }

  async signAsIssuer(credential: VerifiableCredential, key: IssuerKeyPair): Promise<VerifiableCredential> {
    return this.sign({ credential, key: await this.materialOf(key), role: 'ISSUER' });
  }

  async addCoIssuerProof(credential: VerifiableCredential, key: IssuerKeyPair): Promise<VerifiableCredential> {
    return this.sign({ credential, key: await this.materialOf(key), role: 'CO_ISSUER' });
  }

  /**
   * Verifies every proof of the set; the service's own DID documents are looked up here (by `didDocument` when the
   * caller has them at hand, else from the registry) and handed over.
   */
  async verifyProofSet(credential: VerifiableCredential, didDocument: (did: string) => Promise<Record<string, unknown> | null> = (did) => this.issuers.didDocument(did)): Promise<ProofResult[]> {
    const didDocuments: VerifyTask['didDocuments'] = {};
    const refusals: NonNullable<VerifyTask['refusals']> = {};
    for (const did of controllersOf(credential, this.settings.ownDidPrefix)) {
      try {
        didDocuments[did] = await didDocument(did);
      } catch (e) {
        if (!(e instanceof DocumentRefused)) throw e;
        refusals[did] = { reason: e.reason, detail: e.detail };
      }
    }
    const task: VerifyTask = { credential, didDocuments, refusals };
    return this.pool ? this.pool.run(task, { name: 'verify' }) : runVerify(task, this.settings);
  }

  private sign(task: SignTask): Promise<VerifiableCredential> {
    return this.pool ? this.pool.run(task, { name: 'sign' }) : runSign(task, this.settings);
  }

  private materialOf(key: IssuerKeyPair): Promise<KeyMaterial> {
    let m = this.material.get(key);
    if (!m) {
      m = key.export({ publicKey: true, secretKey: true, includeContext: false }).then((e) => ({
        id: key.id,
        controller: key.controller,
        publicKeyMultibase: e.publicKeyMultibase,
        secretKeyMultibase: e.secretKeyMultibase,
      }));
      this.material.set(key, m);
    }
    return m;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
  }
}
