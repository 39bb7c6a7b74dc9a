import { z } from 'zod';
import type { FieldProblem } from '../../platform/errors/app-error';

/**
 * VC-API "update status" (`POST /credentials/status`): the credential named by its own id, one status entry
 * with its purpose, and the value to set (true when left out, as the W3C status suite sends it).
 */
const StatusEntrySchema = z.object({
  type: z.literal('BitstringStatusListEntry'),
  statusPurpose: z.enum(['revocation', 'suspension']),
  status: z.boolean().optional(),
});

const StatusUpdateSchema = z.object({
  credentialId: z.string().min(1).max(500),
  credentialStatus: z.union([StatusEntrySchema, z.array(StatusEntrySchema).length(1)]),
});

export interface StatusUpdate {
  credentialId: string;
  action: 'REVOKE' | 'SUSPEND' | 'REINSTATE';
}

/** The update as one of the service's status actions, or the problems naming each field. */
export function parseStatusUpdate(body: unknown): StatusUpdate | FieldProblem[] {
  const parsed = StatusUpdateSchema.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
  const entry = Array.isArray(parsed.data.credentialStatus) ? parsed.data.credentialStatus[0] : parsed.data.credentialStatus;
  const set = entry.status ?? true;
  // Revocation is final in this service: there is no action that clears the revocation bit.
  if (entry.statusPurpose === 'revocation' && !set) return [{ field: 'credentialStatus.status', message: 'revocation is final: a revoked credential cannot be reinstated; suspend instead' }];
  return { credentialId: parsed.data.credentialId, action: entry.statusPurpose === 'revocation' ? 'REVOKE' : set ? 'SUSPEND' : 'REINSTATE' };
}
