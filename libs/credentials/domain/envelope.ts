/**
 * VC 2.0 enveloping (VC-JOSE-COSE): a credential or presentation carried as a JWT inside an object whose `id` is a
 * data: URL, e.g. `{"type": "EnvelopedVerifiableCredential", "id": "data:application/vc+jwt,eyJ…"}`.
 */
const MEDIA = { credential: ['application/vc+jwt', 'application/vc+ld+json+jwt'], presentation: ['application/vp+jwt', 'application/vp+ld+json+jwt'] } as const;
const ENVELOPE_TYPE = { credential: 'EnvelopedVerifiableCredential', presentation: 'EnvelopedVerifiablePresentation' } as const;

/** The JWT inside an enveloped credential or presentation, or null when `value` is not one. */
export function envelopedJwt(value: unknown, kind: 'credential' | 'presentation'): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const types = typeof v.type === 'string' ? [v.type] : Array.isArray(v.type) ? v.type : [];
  if (!types.includes(ENVELOPE_TYPE[kind]) || typeof v.id !== 'string' || !v.id.startsWith('data:')) return null;
  const comma = v.id.indexOf(',');
  if (comma < 0) return null;
  const media = v.id.slice('data:'.length, comma).split(';')[0];
  if (!(MEDIA[kind] as readonly string[]).includes(media)) return null;
  return v.id.slice(comma + 1);
}

/** An enveloped credential becomes its JWT, which the verifier reads as a VC-JOSE credential; anything else as it is. */
export function unwrapCredential(value: unknown): unknown {
  return envelopedJwt(value, 'credential') ?? value;
}
