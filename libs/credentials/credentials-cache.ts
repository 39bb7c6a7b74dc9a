import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoalescedRead } from './domain/coalesced-read';
import { VersionedCache } from './domain/versioned-cache';
import { CredentialsRepository } from './persistence/credentials.repository';
import { AccreditationRow, InstitutionRow, IssuerKeyRow, StatusListRow } from './persistence/rows';

/**
 * The registry and the status lists as one request sees them: read through in-memory copies that are current as of
 * the moment the view was taken. Rows are shared between requests: never change them.
 */
export interface CredentialsView {
  institution(id: string): Promise<InstitutionRow | null>;
  institutionByDid(did: string): Promise<InstitutionRow | null>;
  keysOf(institutionId: string): Promise<IssuerKeyRow[]>;
  accreditationsOf(institutionId: string): Promise<AccreditationRow[]>;
  statusList(id: string): Promise<StatusListRow | null>;
}

/**
 * In-memory copies of institutions, keys, accreditations and status lists for verification (and issuance checks).
 * Each view first reads the change counters of `credentials_cache_version` (one query; triggers bump them in every
 * transaction that changes those tables, in any process), so a change committed anywhere is seen by the next view
 * taken, and no view is served anything older than the counters it read. Views taken at the same moment share
 * one counter read that began after each of them was asked for.
 */
@Injectable()
export class CredentialsCache {
  private readonly registry = new VersionedCache<unknown>(20_000);
  private readonly lists = new VersionedCache<StatusListRow | null>(2_000);
  private readonly counters = new CoalescedRead<{ registry: string; lists: string }>(async () => {
    const [v] = await this.dataSource.query('SELECT registry::text AS registry, status_lists::text AS lists FROM credentials_cache_version WHERE id = 1');
    return v;
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
  ) {}

  async view(): Promise<CredentialsView> {
    const v = await this.counters.get();
    const registry = <T>(key: string, load: () => Promise<T>) => this.registry.get(v.registry, key, load) as Promise<T>;
    return {
      institution: (id) => registry(`institution\n${id}`, () => this.repo.institution(id)),
      institutionByDid: (did) => registry(`did\n${did}`, () => this.repo.institutionByDid(did)),
      keysOf: (id) => registry(`keys\n${id}`, () => this.repo.keysOf(id)),
      accreditationsOf: (id) => registry(`accreditations\n${id}`, () => this.repo.accreditationsOf(id)),
      statusList: (id) => this.lists.get(v.lists, id, () => this.repo.statusList(id)),
    };
  }
}

/** A view taken on first use and then kept: one request reads the counters at most once. */
export function lazyView(cache: CredentialsCache): () => Promise<CredentialsView> {
  let view: Promise<CredentialsView> | null = null;
  return () => {
    view ??= cache.view();
    view.catch(() => (view = null));
    return view;
  };
}
