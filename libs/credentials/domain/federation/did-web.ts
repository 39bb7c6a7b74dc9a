import { z } from 'zod';

/** did:web → the https URL of its DID document (did:web method spec §3.2); null for anything that is not one. */
export function didWebUrl(did: string): { host: string; url: string } | null {
  const m = /^did:web:([^:#?/]+)((?::[^:#?/]+)*)$/.exec(did);
  if (!m) return null;
  let host: string;
  let path: string[];
  try {
    host = decodeURIComponent(m[1]).toLowerCase();
    path = m[2] ? m[2].slice(1).split(':').map(decodeURIComponent) : [];
  } catch {
    return null;
  }
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(host) || path.some((p) => !p || p === '.' || p === '..' || /[/\\?#]/.test(p))) return null;
  const url = path.length ? `https://${host}/${path.map(encodeURIComponent).join('/')}/did.json` : `https://${host}/.well-known/did.json`;
  return { host, url };
}

const VerificationMethod = z.object({
  id: z.string().max(512),
  type: z.literal('Multikey'),
  controller: z.string().max(512),
  publicKeyMultibase: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]{40,120}$/, 'must be a base58btc multibase key'),
});

/** The parts of a DID document the loader uses: its id and Multikey verification methods, all controlled by it. */
const DidDocumentSchema = z.looseObject({
  id: z.string().max(512),
  verificationMethod: z.array(z.looseObject(VerificationMethod.shape)).min(1).max(32),
  assertionMethod: z.array(z.union([z.string().max(512), z.looseObject({})])).max(32).optional(),
});

/** Problems of a DID document for `did`, each naming its field; empty when it can be used. */
export function didDocumentProblems(did: string, doc: unknown, root = 'document'): Array<{ field: string; message: string }> {
  const r = DidDocumentSchema.safeParse(doc);
  if (!r.success) return r.error.issues.map((i) => ({ field: [root, ...i.path].join('.'), message: i.message }));
  const problems: Array<{ field: string; message: string }> = [];
  if (r.data.id !== did) problems.push({ field: `${root}.id`, message: `must be the DID "${did}"` });
  r.data.verificationMethod.forEach((vm, i) => {
    if (vm.controller !== did) problems.push({ field: `${root}.verificationMethod[${i}].controller`, message: `must be "${did}"` });
    if (!vm.id.startsWith(`${did}#`)) problems.push({ field: `${root}.verificationMethod[${i}].id`, message: `must start with "${did}#"` });
  });
  return problems;
}
