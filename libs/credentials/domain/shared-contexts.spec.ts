import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { buildDiplomaCredential, buildLearningUnitCredential } from './credential-builder';
import { createDocumentLoader } from './document-loader';
import { keyPairFrom } from './keys';
import { signAsIssuer, verifyProofSet } from './proofs';
import { sharedContextStats, withSharedContexts } from './shared-contexts';
import { newEncodedList, statusListCredential } from './status-list';

const loader = createDocumentLoader({ ownDidDocument: async () => null, ownStatusList: async () => null }, { ownDidPrefix: 'did:web:example.test', ownStatusListPrefix: 'https://example.test/status/' });
const shared = withSharedContexts(cryptosuite);

/** The library's own canonicalisation and the shared one, as the text of the result or of the error. */
async function outcome(canonize: typeof cryptosuite.canonize, doc: unknown, safe: boolean): Promise<string> {
  try {
    return await canonize(structuredClone(doc), { documentLoader: loader, safe });
  } catch (e) {
    const err = e as { name?: string; message?: string; details?: { code?: string } };
    return `error ${err.name}: ${err.details?.code ?? ''} ${err.message}`;
  }
}

const status = [
  { statusListCredential: 'https://example.test/status/3f1c2a4e-0000-4000-8000-000000000001', statusListIndex: 7, statusPurpose: 'revocation' as const },
  { statusListCredential: 'https://example.test/status/3f1c2a4e-0000-4000-8000-000000000002', statusListIndex: 7, statusPurpose: 'suspension' as const },
];
const envelope = (n: number) => ({ id: `urn:uuid:11111111-2222-4333-8444-55555555555${n}`, issuerDid: 'did:web:example.test:institutions:school', issuerName: 'School', issuedAt: new Date('2025-07-01T10:00:00Z'), status });

function diploma(n: number) {
  return buildDiplomaCredential(
    { idempotencyKey: `shared-${n}`, learner: { givenName: `Learner ${n}`, familyName: 'de Vries' }, qualificationId: '00000000-0000-4000-8000-000000000000', awardingDate: '2025-07-01', format: 'DATA_INTEGRITY' },
    envelope(n),
    { key: 'nl-mbo-software-developer', code: '25604', jurisdiction: 'NL', framework: 'NLQF', nationalLevel: '4', eqfLevel: 4, title: { nl: 'Software developer', de: 'Softwareentwickler' } },
  );
}

function learningUnit(n: number) {
  const request = {
    idempotencyKey: `unit-${n}`,
    learner: { givenName: `Learner ${n}`, familyName: 'Jansen' },
    programme: 'nl-mbo-software-developer',
    title: { nl: 'Leereenheid', de: 'Lerneinheit' },
    eqfLevel: 4,
    volume: { hours: 80, ects: 3 },
    outcomes: [
      { text: 'Realiseert software', lang: 'nl', dimension: 'SKILLS', escoSkills: ['http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d'] },
      { text: 'Takes responsibility', lang: 'en', dimension: 'RESPONSIBILITY_AUTONOMY', escoSkills: [] },
    ],
    activity: { location: 'Enschede', hostCountry: 'NL', hostCompany: 'bench-company', startDate: '2025-03-03', endDate: '2025-03-14' },
    assessment: { method: 'project', date: '2025-03-14', result: 'passed' },
  };
  return buildLearningUnitCredential(request as never, envelope(n), { partnerDid: 'did:web:example.test:institutions:partner', awardingBodies: ['did:web:example.test:institutions:school', 'did:web:example.test:institutions:partner'] });
}

/** Inline contexts that exercise what the sharing touches: type scopes, their reverting, propagation, property scopes, protection. */
const V = 'https://example.test/vocab#';
const scoped = {
  '@context': {
    '@vocab': V,
    name: `${V}plain-name`,
    Outer: { '@id': `${V}Outer`, '@context': { name: `${V}outer-name`, inner: `${V}inner` } },
    Other: { '@id': `${V}Other`, '@context': { name: `${V}other-name` } },
    Propagating: { '@id': `${V}Propagating`, '@context': { '@propagate': true, name: `${V}propagating-name` } },
    wrapped: { '@id': `${V}wrapped`, '@context': { name: `${V}wrapped-name` } },
  },
  '@type': 'Outer',
  name: 'top',
  inner: { name: 'reverted', inner: { '@type': 'Outer', name: 'scoped again', inner: { name: 'reverted again' } } },
  wrapped: { name: 'property scope', nested: { '@type': ['Other', 'Outer'], name: 'two type scopes', inner: { name: 'back to the property scope' } } },
  more: { '@type': 'Propagating', name: 'propagating', child: { name: 'still propagating', child: { '@type': 'Other', name: 'other', child: { name: 'back' } } } },
};
/** One context document used both as a type scope and as a property scope, inside and outside other type scopes. */
const sameScope = { name: `${V}same-name`, extra: `${V}same-extra` };
const mixedScopes = {
  '@context': {
    '@vocab': V,
    name: `${V}plain-name`,
    Same: { '@id': `${V}Same`, '@context': sameScope },
    same: { '@id': `${V}same`, '@context': sameScope },
    Outer: { '@id': `${V}Outer`, '@context': { name: `${V}outer-name`, extra: `${V}outer-extra` } },
  },
  '@type': 'Outer',
  name: 'outer',
  same: { name: 'property scope in a type scope', extra: 'x', child: { name: 'plain?', extra: 'y' } },
  child: [
    { '@type': 'Same', name: 'type scope', extra: 'z', same: { name: 'property scope in the same type scope' } },
    { name: 'reverted', same: { '@type': 'Outer', name: 'type scope in a property scope', same: { name: 'and again', extra: 'w' } } },
  ],
};
/** @import: jsonld keeps the merged context document in the same cache as processed contexts. */
const imported = {
  '@context': [{ '@version': 1.1, '@import': 'https://w3id.org/security/multikey/v1', '@vocab': V, context: `${V}a-term-named-context` }],
  type: 'Multikey',
  controller: 'did:example:controller',
  context: 'a value',
};
const protectedRedefinition = {
  '@context': [{ '@protected': true, name: `${V}protected-name`, Thing: { '@id': `${V}Thing`, '@context': { name: `${V}redefined` } } }],
  '@type': 'Thing',
  name: 'x',
};
const protectedNullified = {
  '@context': [{ '@protected': true, '@vocab': V, name: `${V}protected-name`, Thing: { '@id': `${V}Thing`, '@context': null } }],
  '@type': 'Thing',
  name: 'x',
};
const vcWithInlineTerms = (extra: Record<string, unknown>) => ({ ...diploma(9), '@context': [...(diploma(9)['@context'] as string[]), extra], note: 'inline term' });

describe('shared processed JSON-LD contexts', () => {
  let documents: Array<[string, unknown, boolean]>;

  beforeAll(async () => {
    const kp = await Ed25519Multikey.generate();
    const fp = kp.publicKeyMultibase as string;
    const secret = (await kp.export({ publicKey: true, secretKey: true, includeContext: false })).secretKeyMultibase;
    const key = await keyPairFrom({ id: `did:key:${fp}#${fp}`, controller: `did:key:${fp}`, publicKeyMultibase: fp, secretKeyMultibase: secret });
    const signed = await signAsIssuer({ ...learningUnit(3), issuer: { id: key.controller, name: 'School' } }, key, loader);
    const list = await statusListCredential({ url: status[0].statusListCredential, encodedList: await newEncodedList(131_072), purpose: 'revocation', issuerDid: 'did:web:example.test:institutions:school', validFrom: new Date('2025-07-01T10:00:00Z') });
    const { proofValue: _value, ...proofOptions } = signed.proof;
    documents = [
      ['diploma', diploma(1), true],
      ['another diploma', diploma(2), true],
      ['learning unit', learningUnit(1), true],
      ['signed learning unit', signed, true],
      ['proof options with the document context', { ...proofOptions, '@context': signed['@context'] }, true],
      ['status list credential', list, true],
      ['type and property scopes', scoped, false],
      ['the same, safe mode (drops a term)', scoped, true],
      ['one context as type and property scope', mixedScopes, false],
      ['an imported context', imported, false],
      ['protected term redefined in a type scope', protectedRedefinition, false],
      ['protected context nullified in a type scope', protectedNullified, false],
      ['credential with an inline context', vcWithInlineTerms({ note: 'https://example.test/vocab#note' }), true],
      ['credential with an undefined term', vcWithInlineTerms({}), true],
      ['credential with an inline context redefining a protected term', vcWithInlineTerms({ name: 'https://example.test/vocab#name' }), true],
    ];
  });

  it('canonicalises every document exactly as the library does, whatever was processed before', async () => {
    const expected = new Map<string, string>();
    for (const [label, doc, safe] of documents) expected.set(label, await outcome(cryptosuite.canonize, doc, safe));
    // The scoped-context document really goes through scopes, and the protected cases really fail.
    expect(expected.get('type and property scopes')).toContain('"reverted again"');
    expect(expected.get('type and property scopes')).toContain(`<${V}propagating-name> "still propagating"`);
    expect(expected.get('type and property scopes')).toContain(`<${V}plain-name> "reverted"`);
    expect(expected.get('protected term redefined in a type scope')).toMatch(/^error .*protected term redefinition/);
    expect(expected.get('credential with an undefined term')).toMatch(/^error /);
    expect(expected.get('an imported context')).toContain('<https://w3id.org/security#controller> <did:example:controller>');
    expect(expected.get('an imported context')).toContain(`<${V}a-term-named-context> "a value"`);

    // Forward, backward and interleaved, so every document meets caches warmed by the others.
    const orders = [documents, [...documents].reverse(), documents.flatMap((d, i) => [d, documents[(i * 7) % documents.length]])];
    for (const order of orders) {
      for (const [label, doc, safe] of order) expect([label, await outcome(shared.canonize, doc, safe)]).toEqual([label, expected.get(label)]);
    }
  });

  it('hits its cache for a credential of a shape it has seen', async () => {
    await outcome(shared.canonize, diploma(4), true);
    const next = diploma(5);
    const before = sharedContextStats();
    const result = await outcome(shared.canonize, next, true);
    const after = sharedContextStats();
    // Every context of the second diploma (top-level ones, type scopes, their reverts) came from the cache.
    expect(after.misses).toBe(before.misses);
    expect(after.hits - before.hits).toBeGreaterThan(5);
    expect(result).toBe(await outcome(cryptosuite.canonize, next, true));
  });

  it('signs and verifies with the shared contexts; a changed value still breaks the proof', async () => {
    const kp = await Ed25519Multikey.generate();
    const fp = kp.publicKeyMultibase as string;
    const secret = (await kp.export({ publicKey: true, secretKey: true, includeContext: false })).secretKeyMultibase;
    const key = await keyPairFrom({ id: `did:key:${fp}#${fp}`, controller: `did:key:${fp}`, publicKeyMultibase: fp, secretKeyMultibase: secret });
    const signed = await signAsIssuer({ ...diploma(6), issuer: { id: key.controller, name: 'School' } }, key, loader);
    expect((await verifyProofSet(signed, loader))[0].verified).toBe(true);
    const tampered = structuredClone(signed);
    tampered.credentialSubject.givenName = 'Someone else';
    expect((await verifyProofSet(tampered, loader))[0].verified).toBe(false);
  });
});
