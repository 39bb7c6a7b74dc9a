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
  /** The registry change counter this view is current as of. */
  readonly registryVersion: string;
  /** True when taken without reading the counters (see `latestView`): it may be older than the database. */
  readonly unconfirmed: boolean;
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
  private readonly counters = new CoalescedRead<Counters>(async () => {
    const [v]: Counters[] = await this.dataSource.query('SELECT registry::text AS registry, status_lists::text AS lists FROM credentials_cache_version WHERE id = 1');
    const n = this.newest;
    this.newest = n ? { registry: newer(n.registry, v.registry), lists: newer(n.lists, v.lists) } : v;
    return v;
  });
  /** The newest counters any view of this process has read. */
  private newest: Counters | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
  ) {}

  /** A view current as of counters read now. */
  async view(): Promise<CredentialsView> {
    return this.viewAt(await this.counters.get(), false);
  }

  /**
   * A view as of the newest counters this process has seen, without a round trip (or `view()` before any). For a
   * writer that confirms the registry counter in its own statement (an issuance's guarded INSERT) and takes a fresh
   * view when that fails, or when the checks refuse on this one.
   */
  async latestView(): Promise<CredentialsView> {
    return this.newest ? this.viewAt(this.newest, true) : this.view();
  }

  private viewAt(v: Counters, unconfirmed: boolean): CredentialsView {
    const registry = <T>(key: string, load: () => Promise<T>) => this.registry.get(v.registry, key, load) as Promise<T>;
    return {
      registryVersion: v.registry,
      unconfirmed,
      institution: (id) => registry(`institution\n${id}`, () => this.repo.institution(id)),
      institutionByDid: (did) => registry(`did\n${did}`, () => this.repo.institutionByDid(did)),
      keysOf: (id) => registry(`keys\n${id}`, () => this.repo.keysOf(id)),
      accreditationsOf: (id) => registry(`accreditations\n${id}`, () => this.repo.accreditationsOf(id)),
      statusList: (id) => this.lists.get(v.lists, id, () => this.repo.statusList(id)),
    };
  }
}

interface Counters {
  registry: string;
  lists: string;
}

const newer = (a: string, b: string) => (BigInt(a) >= BigInt(b) ? a : b);

/** A view taken on first use and then kept: one request reads the counters at most once. */
export function lazyView(cache: CredentialsCache): () => Promise<CredentialsView> {
  let view: Promise<CredentialsView> | null = null;
  return () => {
    view ??= cache.view();
    view.catch(() => (view = null));
    return view;
  };
}
