import type { Actor } from '../../platform/auth/actor';
import type { IssuedCredentialRow } from '../persistence/rows';

/**
 * Whether the actor may handle a stored credential (read it, share it): an admin, the issuing school, or a
 * co-issuing school. Co-issuers are stored as DIDs, so the actor's institution is named by its DID (did:web or
 * did:key: no suffix rule covers both).
 */
export function handlesCredential(actor: Actor, actorDid: string | null, row: Pick<IssuedCredentialRow, 'institution_id' | 'co_issuers'>): boolean {
  if (actor.role === 'admin') return true;
  if (!actor.institution) return false;
  return row.institution_id === actor.institution || (actorDid !== null && row.co_issuers.includes(actorDid));
}
