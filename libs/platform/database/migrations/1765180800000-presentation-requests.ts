import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenID4VP presentation requests of employers: the request as sent to the wallet (DCQL query, nonce, client_id),
 * its expiry, and the outcome once a wallet answered. A request takes one answer: status leaves PENDING once.
 */
export class PresentationRequests1765180800000 implements MigrationInterface {
  name = 'PresentationRequests1765180800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE presentation_request (
        id uuid PRIMARY KEY,
        created_by text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DIPLOMA', 'LEARNING_UNIT')),
        spec jsonb NOT NULL,
        authorization_request jsonb NOT NULL,
        nonce text NOT NULL,
        client_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'VERIFIED', 'REFUSED')),
        reason text,
        result jsonb,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX presentation_request_created_by_idx ON presentation_request (created_by, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE presentation_request');
  }
}
