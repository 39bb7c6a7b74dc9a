import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PresentationRequestSpec } from '../domain/presentation-request';

export interface PresentationRequestRow {
  id: string;
  created_by: string;
  kind: 'DIPLOMA' | 'LEARNING_UNIT';
  spec: PresentationRequestSpec;
  authorization_request: Record<string, unknown>;
  nonce: string;
  client_id: string;
  expires_at: Date;
  status: 'PENDING' | 'VERIFIED' | 'REFUSED';
  reason: string | null;
  result: Record<string, unknown> | null;
  answered_at: Date | null;
  created_at: Date;
}

export type NewPresentationRequest = Pick<PresentationRequestRow, 'id' | 'created_by' | 'kind' | 'spec' | 'authorization_request' | 'nonce' | 'client_id' | 'expires_at'>;

@Injectable()
export class PresentationRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, r: NewPresentationRequest): Promise<void> {
    await m.query('INSERT INTO presentation_request (id, created_by, kind, spec, authorization_request, nonce, client_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      r.id,
      r.created_by,
      r.kind,
      JSON.stringify(r.spec),
      JSON.stringify(r.authorization_request),
      r.nonce,
      r.client_id,
      r.expires_at,
    ]);
  }

  async byId(id: string, m: EntityManager = this.dataSource.manager): Promise<PresentationRequestRow | null> {
    return (await m.query('SELECT * FROM presentation_request WHERE id = $1', [id]))[0] ?? null;
  }

  /** Records the one answer of a pending, unexpired request; false when another answer came first or it expired. */
  async answer(m: EntityManager, id: string, o: { status: 'VERIFIED' | 'REFUSED'; reason: string | null; result: Record<string, unknown> }): Promise<boolean> {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected].
    const [rows] = (await m.query(
      "UPDATE presentation_request SET status = $2, reason = $3, result = $4, answered_at = now() WHERE id = $1 AND status = 'PENDING' AND expires_at > now() RETURNING id",
      [id, o.status, o.reason, JSON.stringify(o.result)],
    )) as [Array<{ id: string }>, number];
    return rows.length === 1;
  }
}
