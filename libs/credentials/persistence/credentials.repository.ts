import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccreditationRow, InstitutionRow, IssuedCredentialRow, IssuerKeyRow, StatusListRow } from './rows';

/** SQL for institutions, keys, accreditations, status lists and issued credentials. */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async institution(id: string, m?: EntityManager): Promise<InstitutionRow | null> {
    return (await this.m(m).query('SELECT * FROM institution WHERE id = $1', [id]))[0] ?? null;
  }

  async institutionByDid(did: string, m?: EntityManager): Promise<InstitutionRow | null> {
    return (await this.m(m).query('SELECT * FROM institution WHERE did = $1', [did]))[0] ?? null;
  }

  async institutions(): Promise<InstitutionRow[]> {
    return this.m().query('SELECT * FROM institution ORDER BY id');
  }

  async insertInstitution(m: EntityManager, row: Omit<InstitutionRow, 'created_at' | 'allow_generic_credentials'> & { allow_generic_credentials?: boolean }): Promise<void> {
    await m.query('INSERT INTO institution (id, name, jurisdiction_code, type, did, allow_generic_credentials) VALUES ($1, $2, $3, $4, $5, $6)', [
      row.id,
      row.name,
      row.jurisdiction_code,
      row.type,
      row.did,
      row.allow_generic_credentials ?? false,
    ]);
  }

  async setGenericCredentials(m: EntityManager, institutionId: string, allowed: boolean): Promise<void> {
    await m.query('UPDATE institution SET allow_generic_credentials = $2 WHERE id = $1', [institutionId, allowed]);
  }

  async keysOf(institutionId: string, m?: EntityManager): Promise<IssuerKeyRow[]> {
    return this.m(m).query('SELECT * FROM issuer_key WHERE institution_id = $1 ORDER BY valid_from', [institutionId]);
  }

  async activeKey(institutionId: string, m?: EntityManager): Promise<IssuerKeyRow | null> {
    return (await this.m(m).query('SELECT * FROM issuer_key WHERE institution_id = $1 AND retired_at IS NULL', [institutionId]))[0] ?? null;
  }

  async insertKey(m: EntityManager, row: Pick<IssuerKeyRow, 'id' | 'institution_id' | 'public_key_multibase' | 'secret_key_jwe'>): Promise<void> {
    await m.query('INSERT INTO issuer_key (id, institution_id, public_key_multibase, secret_key_jwe) VALUES ($1, $2, $3, $4)', [row.id, row.institution_id, row.public_key_multibase, row.secret_key_jwe]);
  }

  async retireActiveKey(m: EntityManager, institutionId: string): Promise<void> {
    await m.query('UPDATE issuer_key SET retired_at = now() WHERE institution_id = $1 AND retired_at IS NULL', [institutionId]);
  }

  async accreditationsOf(institutionId: string, m?: EntityManager): Promise<AccreditationRow[]> {
    return this.m(m).query(`SELECT *, valid_from::text AS valid_from, valid_until::text AS valid_until FROM accreditation WHERE institution_id = $1 ORDER BY created_at`, [institutionId]);
  }

  async insertAccreditation(m: EntityManager, row: Omit<AccreditationRow, 'id' | 'created_at'>): Promise<string> {
    const r = await m.query(
      `INSERT INTO accreditation (institution_id, scope, qualification_jurisdiction, qualification_code, qualification_key, programme, source_url, valid_from, valid_until, note, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
      [row.institution_id, row.scope, row.qualification_jurisdiction, row.qualification_code, row.qualification_key, row.programme, row.source_url, row.valid_from, row.valid_until, row.note, row.created_by],
    );
    return r[0].id;
  }

  async statusList(id: string, m?: EntityManager): Promise<StatusListRow | null> {
    return (await this.m(m).query('SELECT * FROM status_list WHERE id = $1', [id]))[0] ?? null;
  }

  async insertStatusList(m: EntityManager, row: Pick<StatusListRow, 'institution_id' | 'purpose' | 'length' | 'encoded_list'>): Promise<StatusListRow> {
    return (
      await m.query('INSERT INTO status_list (institution_id, purpose, length, encoded_list) VALUES ($1,$2,$3,$4) RETURNING *', [row.institution_id, row.purpose, row.length, row.encoded_list])
    )[0];
  }

  async saveStatusList(m: EntityManager, id: string, encodedList: string, credential: Record<string, unknown>): Promise<void> {
    await m.query('UPDATE status_list SET encoded_list = $2, credential = $3, updated_at = now() WHERE id = $1', [id, encodedList, credential]);
  }

  /** The list new credentials go to, read without a lock: indexes are reserved row by row (reserveIndex). */
  async currentList(institutionId: string, purpose: 'revocation' | 'suspension', m?: EntityManager): Promise<StatusListRow | null> {
    return (
      (await this.m(m).query('SELECT * FROM status_list WHERE institution_id = $1 AND purpose = $2 AND used < length ORDER BY updated_at DESC LIMIT 1', [institutionId, purpose]))[0] ??
      null
    );
  }

  /**
   * Reserves a random free index of the list (herd privacy): random probes, then a scan when the list is nearly
   * full. Each statement commits on its own, so no lock outlives it; null when the list is full.
   */
  async reserveIndex(list: Pick<StatusListRow, 'id' | 'length'>): Promise<number | null> {
    const db = this.dataSource;
    // A probe that takes the index also counts it, in the same statement (one round trip).
    for (let attempt = 0; attempt < 32; attempt++) {
      const rows = await db.query(
        `WITH taken AS (INSERT INTO status_list_entry (list_id, idx) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING idx),
              counted AS (UPDATE status_list SET used = used + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM taken) RETURNING id)
         SELECT idx FROM taken, counted`,
        [list.id, randomInt(list.length)],
      );
      if (rows.length) return rows[0].idx as number;
    }
    const rows = await db.query(
      `INSERT INTO status_list_entry (list_id, idx)
       SELECT $1, i FROM generate_series(0, $2 - 1) i WHERE NOT EXISTS (SELECT 1 FROM status_list_entry e WHERE e.list_id = $1 AND e.idx = i) LIMIT 1
       ON CONFLICT DO NOTHING RETURNING idx`,
      [list.id, list.length],
    );
    if (!rows.length) {
      await db.query('UPDATE status_list SET used = length WHERE id = $1', [list.id]);
      return null;
    }
    await db.query('UPDATE status_list SET used = used + 1 WHERE id = $1', [list.id]);
    return rows[0].idx as number;
  }

  /**
   * Gives reserved indexes of a list back (a stopping process's unused ones), in one statement: an index that a
   * credential carries is never freed, whatever the caller believes. The number freed.
   */
  async releaseIndexes(listId: string, indexes: readonly number[]): Promise<number> {
    if (!indexes.length) return 0;
    const [rows] = (await this.dataSource.query(
      `WITH freed AS (
         DELETE FROM status_list_entry e WHERE e.list_id = $1 AND e.idx = ANY($2::int[])
           AND NOT EXISTS (SELECT 1 FROM issued_credential c WHERE c.revocation_list_id = $1 AND c.revocation_index = e.idx)
           AND NOT EXISTS (SELECT 1 FROM issued_credential c WHERE c.suspension_list_id = $1 AND c.suspension_index = e.idx)
         RETURNING idx)
       UPDATE status_list SET used = used - (SELECT count(*) FROM freed) WHERE id = $1 RETURNING (SELECT count(*)::int FROM freed) AS n`,
      [listId, indexes],
    )) as [Array<{ n: number }>, number];
    return rows[0]?.n ?? 0;
  }

  /**
   * Reserves up to `count` random free indexes of the list in one statement (a block of a batch, or the indexes a process reserves ahead), and counts them.
   * Fewer come back when candidates collide or the list is nearly full; the caller takes the rest one by one.
   */
  async reserveIndexes(list: Pick<StatusListRow, 'id' | 'length'>, count: number): Promise<number[]> {
    const candidates = [...new Set(Array.from({ length: count }, () => randomInt(list.length)))];
    const rows: Array<{ idx: number }> = await this.dataSource.query(
      `WITH taken AS (INSERT INTO status_list_entry (list_id, idx) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING RETURNING idx),
            counted AS (UPDATE status_list SET used = used + (SELECT count(*) FROM taken) WHERE id = $1 RETURNING id)
       SELECT idx FROM taken, counted`,
      [list.id, candidates],
    );
    return rows.map((r) => Number(r.idx));
  }

  /** Revocation-list indexes of the credentials that are suspended now (for the Token Status List view). */
  async suspendedIndexes(revocationListId: string): Promise<number[]> {
    const rows: Array<{ i: number }> = await this.dataSource.query("SELECT revocation_index AS i FROM issued_credential WHERE revocation_list_id = $1 AND status = 'SUSPENDED' ORDER BY 1", [revocationListId]);
    return rows.map((r) => Number(r.i));
  }

  async credential(id: string, m?: EntityManager, lock = false): Promise<IssuedCredentialRow | null> {
    return (await this.m(m).query(`SELECT * FROM issued_credential WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0] ?? null;
  }

  /** Credentials known by their row id or by the id written in the credential, within one institution or all. */
  async credentialsByAnyId(id: string, institutionId: string | null): Promise<IssuedCredentialRow[]> {
    return this.dataSource.query(
      "SELECT * FROM issued_credential WHERE (id = $1 OR document->>'id' = $1) AND ($2::text IS NULL OR institution_id = $2) ORDER BY issued_at LIMIT 2",
      [id, institutionId],
    );
  }

  async credentialByIdempotencyKey(institutionId: string, key: string, m?: EntityManager): Promise<IssuedCredentialRow | null> {
    return (await this.m(m).query('SELECT * FROM issued_credential WHERE institution_id = $1 AND idempotency_key = $2', [institutionId, key]))[0] ?? null;
  }

  async credentialsByIdempotencyKeys(institutionId: string, keys: readonly string[], m?: EntityManager): Promise<IssuedCredentialRow[]> {
    if (!keys.length) return [];
    return this.m(m).query('SELECT * FROM issued_credential WHERE institution_id = $1 AND idempotency_key = ANY($2::text[])', [institutionId, keys]);
  }

  /**
   * The INSERT of several credentials, for a caller that adds to the statement (their audit entries): a row whose
   * idempotency key is already stored is skipped (ON CONFLICT DO NOTHING); RETURNING id names the rows inserted.
   * With `registryCheckedAt`, the statement fails with SQLSTATE RG001 and writes nothing when the
   * registry change counter is no longer that one (migration RegistryGuard).
   */
  insertCredentialsStatement(rows: ReadonlyArray<Omit<IssuedCredentialRow, 'status' | 'cosigned_by'>>, registryCheckedAt?: string): { sql: string; params: unknown[] } {
    const params: unknown[] = registryCheckedAt === undefined ? [] : [registryCheckedAt];
    const tuples = rows.map((row) => {
      const values = [row.id, row.institution_id, row.type, row.format, row.document, row.jwt, row.idempotency_key, row.request_hash, row.qualification_id, row.programme,
        row.revocation_list_id, row.revocation_index, row.suspension_list_id, row.suspension_index, row.co_issuers, row.issued_at, row.valid_until];
      const start = params.length;
      params.push(...values);
      const placeholders = values.map((_, j) => `$${start + j + 1}`);
      if (registryCheckedAt !== undefined) placeholders[0] = `credentials_registry_guard(${placeholders[0]}, $1::bigint)`;
      return `(${placeholders.join(',')})`;
    });
    return {
      sql: `INSERT INTO issued_credential (id, institution_id, type, format, document, jwt, idempotency_key, request_hash, qualification_id, programme,
         revocation_list_id, revocation_index, suspension_list_id, suspension_index, co_issuers, issued_at, valid_until)
       VALUES ${tuples.join(',')}
       ON CONFLICT (institution_id, idempotency_key) DO NOTHING RETURNING id`,
      params,
    };
  }

  async insertCredential(m: EntityManager, row: Omit<IssuedCredentialRow, 'status' | 'cosigned_by'>): Promise<void> {
    await m.query(
      `INSERT INTO issued_credential (id, institution_id, type, format, document, jwt, idempotency_key, request_hash, qualification_id, programme,
         revocation_list_id, revocation_index, suspension_list_id, suspension_index, co_issuers, issued_at, valid_until)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
      [row.id, row.institution_id, row.type, row.format, row.document, row.jwt, row.idempotency_key, row.request_hash, row.qualification_id, row.programme,
        row.revocation_list_id, row.revocation_index, row.suspension_list_id, row.suspension_index, row.co_issuers, row.issued_at, row.valid_until],
    );
  }

  async updateCredentialDocument(m: EntityManager, id: string, document: Record<string, unknown>, cosignedBy: string[]): Promise<void> {
    await m.query('UPDATE issued_credential SET document = $2, cosigned_by = $3 WHERE id = $1', [id, document, cosignedBy]);
  }

  async setCredentialStatus(m: EntityManager, id: string, status: IssuedCredentialRow['status']): Promise<void> {
    await m.query('UPDATE issued_credential SET status = $2 WHERE id = $1', [id, status]);
  }

  async countCredentials(institutionId: string): Promise<number> {
    return Number((await this.m().query('SELECT count(*) FROM issued_credential WHERE institution_id = $1', [institutionId]))[0].count);
  }
}
