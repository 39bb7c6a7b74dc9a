import type { Actor } from '../../platform/auth/actor';
import type { IssuedCredentialRow } from '../persistence/rows';

/**
 * Whether the actor may handle a stored credential (read it, share it): an admin, the issuing school, or a
 * co-issuing school. Co-issuers are stored as DIDs; this service's own DIDs end in `:issuers:<institution id>`.
 */
export function handlesCredential(actor: Actor, row: Pick<IssuedCredentialRow, 'institution_id' | 'co_issuers'>): boolean {
  return actor.role === 'admin' || row.institution_id === actor.institution || row.co_issuers.some((d) => d.endsWith(`:issuers:${actor.institution}`));
}
