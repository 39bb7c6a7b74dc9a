import { IssuedCredentialRow } from '../persistence/rows';
import { IssuedCredentialModel } from './models/credential.model';

export function toCredentialModel(row: IssuedCredentialRow, created = false): IssuedCredentialModel {
  return {
    id: row.id,
    type: row.type,
    format: row.format,
    status: row.status,
    issuerId: row.institution_id,
    coIssuers: row.co_issuers,
    cosignedBy: row.cosigned_by,
    credential: row.document,
    jwt: row.jwt,
    issuedAt: row.issued_at,
    created,
  };
}
