import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { MULTIKEY_CONTEXT } from './domain/document-loader';
import { generateIssuerKey, IssuerKeyPair, keyPairFrom, openSecret, sealSecret } from './domain/keys';
import { CredentialsCache, CredentialsView } from './credentials-cache';
import { CredentialsSettings } from './credentials.settings';
import { CredentialsRepository } from './persistence/credentials.repository';
import { InstitutionRow, IssuerKeyRow } from './persistence/rows';

export const KEY_ENCRYPTION_KEY = Symbol('KEY_ENCRYPTION_KEY');

export interface NewInstitution {
  id: string;
  name: string;
  jurisdiction: string;
  type: InstitutionRow['type'];
  /**
   * `web` (default): did:web under this service's host. `key`: a did:key made from the institution's key, for a
   * school without a web domain; its DID document needs no host, but its key can never be rotated.
   */
  didMethod?: 'web' | 'key';
  /** May sign W3C credentials of types other than the service's own. Default false. */
  allowGenericCredentials?: boolean;
}

/** The trust registry: institutions, their did:web DIDs and their keys. Private keys never leave this class. */
@Injectable()
export class IssuerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly audit: AuditService,
    private readonly settings: CredentialsSettings,
    @Inject(KEY_ENCRYPTION_KEY) private readonly kek: Uint8Array,
    private readonly cache: CredentialsCache,
  ) {}

  async register(actor: Actor, input: NewInstitution, m?: EntityManager): Promise<InstitutionRow> {
    if (actor.role !== 'admin') throw AppError.forbidden('only admins may register institutions');
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.id)) throw AppError.badInput([{ field: 'input.id', message: 'must be 2–63 lower-case letters, digits or "-"' }]);
    if (!input.name.trim()) throw AppError.badInput([{ field: 'input.name', message: 'must not be empty' }]);
    const work = async (tx: EntityManager) => {
      if (await this.repo.institution(input.id, tx)) throw AppError.conflict('input.id', `institution "${input.id}" already exists`);
      const known = await tx.query('SELECT 1 FROM jurisdiction WHERE code = $1', [input.jurisdiction]);
      if (!known.length) throw AppError.badInput([{ field: 'input.jurisdiction', message: `unknown jurisdiction "${input.jurisdiction}"` }]);
      const generated = input.didMethod === 'key' ? await generateIssuerKey('', '') : null;
      const did = generated ? `did:key:${generated.publicKeyMultibase}` : this.settings.didOf(input.id);
      const row = { id: input.id, name: input.name.trim(), jurisdiction_code: input.jurisdiction, type: input.type, did, allow_generic_credentials: input.allowGenericCredentials ?? false };
      await this.repo.insertInstitution(tx, row);
      // A did:key's only key is the one its identifier encodes, named by the did:key convention.
      const keyId = generated ? await this.storeKey(tx, row.id, `${did}#${generated.publicKeyMultibase}`, generated) : await this.addKey(tx, row.id, row.did);
      await this.audit.record(tx, actor, { action: 'institution.register', entityType: 'institution', entityId: row.id, before: null, after: { ...row, keyId } });
      return (await this.repo.institution(row.id, tx))!;
    };
    return m ? work(m) : this.dataSource.transaction(work);
  }

  /** New key for new credentials; the old public key stays in the DID document for what it signed. */
  async rotateKey(actor: Actor, institutionId: string): Promise<string> {
    this.assertSelfOrAdmin(actor, institutionId);
    return this.dataSource.transaction(async (m) => {
      const inst = await this.repo.institution(institutionId, m);
      if (!inst) throw AppError.notFound('institution', institutionId);
      if (inst.did.startsWith('did:key:')) throw AppError.badInput([{ field: 'institutionId', message: 'a did:key identity is its key: it cannot be rotated' }]);
      await m.query('SELECT 1 FROM institution WHERE id = $1 FOR UPDATE', [institutionId]);
      const before = await this.repo.activeKey(institutionId, m);
      await this.repo.retireActiveKey(m, institutionId);
      const keyId = await this.addKey(m, inst.id, inst.did);
      await this.audit.record(m, actor, { action: 'issuer-key.rotate', entityType: 'institution', entityId: institutionId, before: { keyId: before?.id ?? null }, after: { keyId } });
      return keyId;
    });
  }

  private async addKey(m: EntityManager, institutionId: string, did: string): Promise<string> {
    const count = Number((await m.query('SELECT count(*) FROM issuer_key WHERE institution_id = $1', [institutionId]))[0].count);
    const id = `${did}#key-${count + 1}`;
    return this.storeKey(m, institutionId, id, await generateIssuerKey(id, did));
  }

  private async storeKey(m: EntityManager, institutionId: string, id: string, key: { publicKeyMultibase: string; secretKeyMultibase: string }): Promise<string> {
    await this.repo.insertKey(m, { id, institution_id: institutionId, public_key_multibase: key.publicKeyMultibase, secret_key_jwe: await sealSecret(key.secretKeyMultibase, this.kek, id) });
    return id;
  }

  /** Admin decision: may this institution sign W3C credentials of types other than the service's own? */
  async setGenericCredentials(actor: Actor, institutionId: string, allowed: boolean): Promise<InstitutionRow> {
    if (actor.role !== 'admin') throw AppError.forbidden('only admins may change what an institution may issue');
    return this.dataSource.transaction(async (m) => {
      const inst = await this.repo.institution(institutionId, m);
      if (!inst) throw AppError.notFound('institution', institutionId);
      await this.repo.setGenericCredentials(m, institutionId, allowed);
      await this.audit.record(m, actor, {
        action: 'institution.generic-credentials',
        entityType: 'institution',
        entityId: institutionId,
        before: { allowGenericCredentials: inst.allow_generic_credentials },
        after: { allowGenericCredentials: allowed },
      });
      return { ...inst, allow_generic_credentials: allowed };
    });
  }

  /** Decrypted keys by key id; kept in this module's memory only, so bulk issuance decrypts each key once. */
  private readonly unsealed = new Map<string, Promise<IssuerKeyPair>>();

  /** Only for signing inside this module. Inside a transaction (`m`) the key is read there, else from the cache. */
  async signingKey(institutionId: string, m?: EntityManager, view?: CredentialsView): Promise<IssuerKeyPair> {
    const row = m ? await this.repo.activeKey(institutionId, m) : ((await (view ?? (await this.cache.view())).keysOf(institutionId)).find((k) => !k.retired_at) ?? null);
    if (!row) throw AppError.notFound('issuer key of institution', institutionId);
    let key = this.unsealed.get(row.id);
    if (!key) {
      const controller = row.id.split('#')[0];
      key = openSecret(row.secret_key_jwe, this.kek).then((secretKeyMultibase) =>
        keyPairFrom({ id: row.id, controller, publicKeyMultibase: row.public_key_multibase, secretKeyMultibase }),
      );
      this.unsealed.set(row.id, key);
      key.catch(() => this.unsealed.delete(row.id));
    }
    return key;
  }

  /** From the registry cache: current as of this call (see CredentialsCache). */
  async didDocument(did: string): Promise<Record<string, unknown> | null> {
    const view = await this.cache.view();
    const inst = await view.institutionByDid(did);
    if (!inst) return null;
    return didDocumentOf(inst, await view.keysOf(inst.id));
  }

  institution(id: string) {
    return this.repo.institution(id);
  }

  institutionByDid(did: string) {
    return this.repo.institutionByDid(did);
  }

  keysOf(institutionId: string) {
    return this.repo.keysOf(institutionId);
  }

  private assertSelfOrAdmin(actor: Actor, institutionId: string) {
    if (actor.role === 'admin') return;
    if (actor.role === 'school' && actor.institution === institutionId) return;
    throw AppError.forbidden(`only institution "${institutionId}" or an admin may do this`);
  }
}

export function didDocumentOf(inst: InstitutionRow, keys: IssuerKeyRow[]): Record<string, unknown> {
  const methods = keys.map((k) => ({ id: k.id, type: 'Multikey', controller: inst.did, publicKeyMultibase: k.public_key_multibase }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY_CONTEXT],
    id: inst.did,
    alsoKnownAs: [],
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
