import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { CredentialsCache } from './credentials-cache';
import { CredentialsSettings } from './credentials.settings';
import { STATUS_LIST_LENGTH, StatusPurpose } from './domain/constants';
import { signAsIssuer } from './domain/proofs';
import { newEncodedList, setBit, statusListCredential } from './domain/status-list';
import { IssuerService } from './issuer.service';
import { CredentialLoader } from './loader.provider';
import { CredentialsRepository } from './persistence/credentials.repository';
import { IssuedCredentialRow, StatusListRow } from './persistence/rows';

export interface Allocation {
  revocation: { list: StatusListRow; index: number };
  suspension: { list: StatusListRow; index: number };
}

export type StatusAction = 'REVOKE' | 'SUSPEND' | 'REINSTATE';

/** Indexes one process reserves at a time for single issuances (per institution and list). */
export const RESERVE_AHEAD = 32;
/** With fewer left than this, the next block is reserved in the background, so an issuance seldom waits for it. */
export const REFILL_BELOW = RESERVE_AHEAD / 2;

/** Bitstring status lists: one revocation and one suspension list per issuer, each ≥ 131,072 entries. */
@Injectable()
export class StatusService implements BeforeApplicationShutdown {
  private readonly log = new Logger(StatusService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly issuers: IssuerService,
    private readonly loader: CredentialLoader,
    private readonly settings: CredentialsSettings,
    private readonly audit: AuditService,
    private readonly cache: CredentialsCache,
  ) {}

  /** Allocations reserved ahead per institution, handed out one per issuance. */
  private readonly ahead = new Map<string, Allocation[]>();
  private readonly refills = new Map<string, Promise<void>>();

  /**
   * A random free index in each of the issuer's lists. Indexes are reserved in the database ahead, RESERVE_AHEAD at
   * a time (one statement per list), and handed out from memory, so an issuance costs no status query in the common
   * case; the next block is reserved before this one runs out. No lock is held while the credential is signed. An
   * index whose issuance fails, or that a process held when it crashed, stays reserved and unused: that costs a
   * slot and reveals nothing. A process that stops in order gives its unused indexes back.
   */
  async reserve(institutionId: string): Promise<Allocation> {
    for (;;) {
      const left = this.ahead.get(institutionId);
      const next = left?.shift();
      if (next) {
        // A failed background refill is retried by the first issuance that finds nothing left.
        if (left!.length < REFILL_BELOW) this.refill(institutionId).catch(() => undefined);
        return next;
      }
      await this.refill(institutionId);
    }
  }

  /** The indexes reserved ahead and not handed out go back to their lists, so an orderly stop wastes none. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.refills.values());
    const held = new Map<string, number[]>();
    for (const a of [...this.ahead.values()].flat()) {
      for (const { list, index } of [a.revocation, a.suspension]) held.set(list.id, (held.get(list.id) ?? []).concat(index));
    }
    this.ahead.clear();
    try {
      for (const [listId, indexes] of held) await this.repo.releaseIndexes(listId, indexes);
    } catch (e) {
      // The database may be gone already (a crash of it at shutdown): the indexes then stay reserved, as after a crash.
      this.log.warn(`reserved status indexes not given back: ${(e as Error).message}`);
    }
  }

  /** One block of RESERVE_AHEAD for the institution, shared by everyone who asks while it is under way. */
  private refill(institutionId: string): Promise<void> {
    let refill = this.refills.get(institutionId);
    if (!refill) {
      refill = this.reserveMany(institutionId, RESERVE_AHEAD)
        .then((got) => void this.ahead.set(institutionId, [...(this.ahead.get(institutionId) ?? []), ...got]))
        .finally(() => this.refills.delete(institutionId));
      this.refills.set(institutionId, refill);
    }
    return refill;
  }

  /** `count` allocations at once (a block of a batch): one statement per list in the common case. */
  async reserveMany(institutionId: string, count: number): Promise<Allocation[]> {
    if (count <= 0) return [];
    const [revocation, suspension] = await Promise.all([this.reserveManyIn(institutionId, 'revocation', count), this.reserveManyIn(institutionId, 'suspension', count)]);
    return revocation.map((r, i) => ({ revocation: r, suspension: suspension[i] }));
  }

  private async reserveManyIn(institutionId: string, purpose: StatusPurpose, count: number): Promise<Array<{ list: StatusListRow; index: number }>> {
    const list = (await this.repo.currentList(institutionId, purpose)) ?? (await this.createList(institutionId, purpose));
    // A list that cannot take them all (or candidates that collide) leaves the rest to the one-by-one path.
    const got = list.length - list.used >= count ? (await this.repo.reserveIndexes(list, count)).map((index) => ({ list, index })) : [];
    while (got.length < count) got.push(await this.reserveIn(institutionId, purpose));
    return got;
  }

  private async reserveIn(institutionId: string, purpose: StatusPurpose): Promise<{ list: StatusListRow; index: number }> {
    for (;;) {
      const list = (await this.repo.currentList(institutionId, purpose)) ?? (await this.createList(institutionId, purpose));
      const index = await this.repo.reserveIndex(list);
      if (index !== null) return { list, index };
      // The list filled up under us: it is now marked full, and the next round takes or creates another.
    }
  }

  /** A new list, created once per institution and purpose even when several issuances ask at the same time. */
  private createList(institutionId: string, purpose: StatusPurpose): Promise<StatusListRow> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT 1 FROM institution WHERE id = $1 FOR UPDATE', [institutionId]);
      const again = await this.repo.currentList(institutionId, purpose, m);
      if (again) return again;
      const row = await this.repo.insertStatusList(m, { institution_id: institutionId, purpose, length: STATUS_LIST_LENGTH, encoded_list: await newEncodedList(STATUS_LIST_LENGTH) });
      await this.publish(m, row, row.encoded_list);
      return (await this.repo.statusList(row.id, m))!;
    });
  }

  private async publish(m: EntityManager, list: StatusListRow, encodedList: string): Promise<void> {
    const inst = (await this.repo.institution(list.institution_id, m))!;
    const unsigned = await statusListCredential({ url: this.settings.statusListUrl(list.id), encodedList, purpose: list.purpose, issuerDid: inst.did, validFrom: new Date() });
    const signed = await signAsIssuer(unsigned, await this.issuers.signingKey(list.institution_id, m), this.loader.load);
    await this.repo.saveStatusList(m, list.id, encodedList, signed);
  }

  /** Revoke (final), suspend, or reinstate a suspended credential. Only the issuing school or an admin. */
  async change(actor: Actor, credentialId: string, action: StatusAction, reason: string): Promise<IssuedCredentialRow> {
    if (!reason?.trim()) throw AppError.badInput([{ field: 'reason', message: 'must not be empty' }]);
    return this.dataSource.transaction(async (m) => {
      const row = await this.repo.credential(credentialId, m, true);
      if (!row) throw AppError.notFound('credential', credentialId);
      if (!(actor.role === 'admin' || (actor.role === 'school' && actor.institution === row.institution_id))) {
        throw AppError.forbidden(`only the issuing institution "${row.institution_id}" or an admin may change this credential's status`);
      }
      if (row.status === 'REVOKED') throw AppError.conflict('id', 'the credential is revoked; revocation is final');
      const next: IssuedCredentialRow['status'] = action === 'REVOKE' ? 'REVOKED' : action === 'SUSPEND' ? 'SUSPENDED' : 'ACTIVE';
      if (action === 'SUSPEND' && row.status === 'SUSPENDED') throw AppError.conflict('id', 'the credential is already suspended');
      if (action === 'REINSTATE' && row.status !== 'SUSPENDED') throw AppError.conflict('id', 'only a suspended credential can be reinstated');
      if (action === 'REVOKE') await this.flip(m, row.revocation_list_id, row.revocation_index, true);
      if (action === 'SUSPEND') await this.flip(m, row.suspension_list_id, row.suspension_index, true);
      if (action === 'REINSTATE' || (action === 'REVOKE' && row.status === 'SUSPENDED')) await this.flip(m, row.suspension_list_id, row.suspension_index, false);
      await this.repo.setCredentialStatus(m, row.id, next);
      await this.audit.record(m, actor, { action: `credential.${action.toLowerCase()}`, entityType: 'credential', entityId: row.id, before: { status: row.status }, after: { status: next, reason } });
      return { ...row, status: next };
    });
  }

  private async flip(m: EntityManager, listId: string, index: number, value: boolean): Promise<void> {
    const list = (await m.query('SELECT * FROM status_list WHERE id = $1 FOR UPDATE', [listId]))[0] as StatusListRow;
    await this.publish(m, list, await setBit(list.encoded_list, index, value));
  }

  async listCredential(listId: string): Promise<Record<string, unknown> | null> {
    if (!/^[0-9a-f-]{36}$/.test(listId)) return null;
    return (await (await this.cache.view()).statusList(listId))?.credential ?? null;
  }
}
