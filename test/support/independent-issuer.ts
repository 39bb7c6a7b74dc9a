import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { contexts as ed25519Signature2020Contexts } from 'ed25519-signature-2020-context';
import { JsonLdDocumentLoader } from 'jsonld-document-loader';

/**
 * The independent side of verification tests: @digitalbazaar/vc with its own keys and its own loader, nothing of
 * this service.
 */
export const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';

export function independentLoader() {
  const l = new JsonLdDocumentLoader();
  for (const [url, doc] of credentialContexts as Map<string, unknown>) l.addStatic(url, doc);
  for (const [url, doc] of dataIntegrityContext.contexts as Map<string, unknown>) l.addStatic(url, doc);
  for (const [url, doc] of ed25519Signature2020Contexts as Map<string, unknown>) l.addStatic(url, doc);
  l.addStatic(EXAMPLES_V2, { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } });
  return l.build();
}

export async function independentKey(did?: string) {
  const kp = await Ed25519Multikey.generate();
  const controller = did ?? `did:key:${kp.publicKeyMultibase}`;
  kp.controller = controller;
  kp.id = did ? `${did}#key-1` : `${controller}#${kp.publicKeyMultibase}`;
  return kp;
}

export async function independentlySigned(kp: any, extra: Record<string, unknown> = {}, cryptosuite: unknown = eddsaRdfc2022) {
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
    id: 'urn:uuid:6c2a5e0e-2b1f-4d8a-9a8e-2f0f7f3b9c11',
    type: ['VerifiableCredential', 'ExampleAlumniCredential'],
    issuer: kp.controller,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', alumniOf: 'Example University' },
    ...extra,
  };
  const suite = new DataIntegrityProof({ signer: kp.signer(), cryptosuite });
  return vc.issue({ credential, suite, documentLoader: independentLoader() });
}
