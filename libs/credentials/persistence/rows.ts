export interface InstitutionRow {
  id: string;
  name: string;
  jurisdiction_code: string;
  type: 'SCHOOL' | 'CHAMBER' | 'AUTHORITY';
  did: string;
  /** May sign W3C credentials of types other than the service's own (admin setting, off by default). */
  allow_generic_credentials: boolean;
  created_at: Date;
}

export interface IssuerKeyRow {
  id: string;
  institution_id: string;
  public_key_multibase: string;
  secret_key_jwe: string;
  valid_from: Date;
  retired_at: Date | null;
}

export interface AccreditationRow {
  id: string;
  institution_id: string;
  scope: 'QUALIFICATION' | 'LEARNING_UNIT_PROGRAMME';
  qualification_jurisdiction: string | null;
  qualification_code: string | null;
  qualification_key: string | null;
  programme: string | null;
  source_url: string;
  valid_from: string;
  valid_until: string | null;
  note: string | null;
  created_by: string;
  created_at: Date;
}

export interface StatusListRow {
  id: string;
  institution_id: string;
  purpose: 'revocation' | 'suspension';
  length: number;
  encoded_list: string;
  credential: Record<string, unknown> | null;
  used: number;
  updated_at: Date;
}

export interface IssuedCredentialRow {
  id: string;
  institution_id: string;
  type: string;
  format: 'DATA_INTEGRITY' | 'JWT';
  document: Record<string, any>;
  jwt: string | null;
  idempotency_key: string;
  request_hash: string;
  qualification_id: string | null;
  programme: string | null;
  revocation_list_id: string;
  revocation_index: number;
  suspension_list_id: string;
  suspension_index: number;
  status: 'ACTIVE' | 'REVOKED' | 'SUSPENDED';
  co_issuers: string[];
  cosigned_by: string[];
  issued_at: Date;
  valid_until: Date | null;
}
