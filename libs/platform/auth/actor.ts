export const ROLES = ['school', 'employer', 'expert', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, taken from a verified bearer token. */
export interface Actor {
  subject: string;
  role: Role;
  /** For `school`: the institution the token is bound to. */
  institution?: string;
  /** For `expert`: the jurisdictions the expert may edit (a country code covers its Länder/communities). */
  jurisdictions: string[];
}

/** Used for seeding and operator commands run on the server itself. */
export const SYSTEM_ACTOR: Actor = { subject: 'system:seed', role: 'admin', jurisdictions: [] };

/** NL covers NL; DE covers DE, DE-NW and DE-NI; DE-NW covers only DE-NW. */
export function jurisdictionInScope(scopes: readonly string[], jurisdiction: string): boolean {
  return scopes.some((s) => jurisdiction === s || jurisdiction.startsWith(`${s}-`));
}
