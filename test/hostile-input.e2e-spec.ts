import { performance } from 'node:perf_hooks';
import { IssuanceService } from '../libs/credentials/issuance.service';
import { setupSchools } from './support/credentials-fixture';
import { rowCounts } from './support/row-counts';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Hostile input never yields a 5xx, never writes a row, and never holds the event loop.
 * The corpus is generated: every field of a real signed credential replaced by each hostile value.
 */

type Json = unknown;

/**
 * Deep documents go over the wire as text: JSON.stringify itself overflows the stack on them (which is what
 * the server must never do). `raw(text)` is spliced into the request body in place of its placeholder.
 */
const RAW = new Map<string, string>();
function raw(text: string): Json {
  const key = `__raw_${RAW.size}__`;
  RAW.set(key, text);
  return key;
}
const deepNest = (levels: number) => raw(`${'{"n":'.repeat(levels)}"leaf"${'}'.repeat(levels)}`);
const deepArray = (levels: number) => raw(`${'['.repeat(levels)}${']'.repeat(levels)}`);
function bodyText(body: unknown): string {
  return JSON.stringify(body).replace(/"(__raw_\d+__)"/g, (_m, key: string) => RAW.get(key)!);
}

const HOSTILE_VALUES: Array<[string, () => Json]> = [
  ['null', () => null],
  ['zero', () => 0],
  ['negative', () => -1],
  ['huge number', () => 1e308],
  ['true', () => true],
  ['empty string', () => ''],
  ['string', () => 'VerifiableCredential'],
  ['empty array', () => []],
  ['empty object', () => ({})],
  ['array of numbers', () => [1, 2, 3]],
  ['array of objects', () => [{}, { a: [] }]],
  ['NUL string', () => 'a\u0000b'],
  ['lone high surrogate', () => 'x\uD800y'],
  ['lone low surrogate', () => '\uDC00'],
  ['10,000-level object', () => deepNest(10_000)],
  ['10,000-level array', () => deepArray(10_000)],
  ['long string (100 kB)', () => 'A'.repeat(100_000)],
  ['proto key', () => JSON.parse('{"__proto__": {"polluted": true}}')],
  ['constructor key', () => ({ constructor: { prototype: { polluted: true } } })],
  ['stall proofValue', () => `z${'A'.repeat(150_000)}`],
  ['did:key with a huge key', () => `did:key:z${'A'.repeat(100_000)}#k`],
  ['number-like string', () => '1e99999'],
];

const FIELDS = [
  '@context',
  'id',
  'type',
  'issuer',
  'issuer.id',
  'validFrom',
  'validUntil',
  'credentialSchema',
  'credentialStatus',
  'credentialStatus.0.statusListIndex',
  'credentialStatus.0.statusListCredential',
  'credentialSubject',
  'credentialSubject.id',
  'credentialSubject.hasClaim',
  'proof',
  'proof.0.proofValue',
  'proof.0.verificationMethod',
  'proof.0.cryptosuite',
  'proof.0.created',
  'proof.0.type',
  'proof.0.proofPurpose',
  'proof.0.@context',
];

function withField(base: Record<string, any>, path: string, value: Json): Json {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let target: any = copy;
  for (const k of keys.slice(0, -1)) {
    if (target[k] === null || typeof target[k] !== 'object') target[k] = {};
    target = target[k];
  }
  target[keys[keys.length - 1]] = value;
  return copy;
}

describe('hostile input: no 5xx, no row written, no stall', () => {
  let t: TestApp;
  let base: Record<string, any>;

  beforeAll(async () => {
    // The corpus is larger than the public rate limit; the limit itself is tested elsewhere.
    t = await startTestApp({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '1000000' } });
    const f = await setupSchools(t);
    const issued = await t.app.get(IssuanceService).issue(
      { subject: 'registrar-alfa', role: 'school', institution: 'alfa-college', jurisdictions: [] },
      'DiplomaCredential',
      { idempotencyKey: 'hostile-base-0001', learner: { givenName: 'Sanne', familyName: 'de Vries' }, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' },
    );
    base = issued.row.document;
    base.proof = Array.isArray(base.proof) ? base.proof : [base.proof];
  });
  afterAll(() => t?.close());


  const corpus = (): Array<{ label: string; credential: Json }> => {
    const shapes: Array<{ label: string; credential: Json }> = [];
    for (const field of FIELDS) for (const [name, make] of HOSTILE_VALUES) shapes.push({ label: `${field} = ${name}`, credential: withField(base, field, make()) });
    for (const [name, make] of HOSTILE_VALUES) shapes.push({ label: `whole credential = ${name}`, credential: make() });
    return shapes;
  };

  it('the generated corpus has at least 500 shapes', () => {
    expect(corpus().length).toBeGreaterThanOrEqual(500);
  });

  it('GraphQL verifyCredential, REST verify and presentations answer every shape below 500 and write nothing', async () => {
    const before = await rowCounts(t.dataSource);
    const failures: string[] = [];
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyText(body) });
      const text = await res.text();
      return { status: res.status, text };
    };
    for (const { label, credential } of corpus()) {
      const answers = [
        ['graphql', await post('/graphql', { query: 'query($c: JSON!) { verifyCredential(credential: $c) { valid checks { check status reason } } }', variables: { c: credential } })],
        ['rest', await post('/credentials/verify', { verifiableCredential: credential })],
        ['presentation', await post('/presentations/verify', { verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [credential] } })],
      ] as const;
      for (const [via, r] of answers) {
        if (r.status >= 500 || /INTERNAL_SERVER_ERROR/.test(r.text)) failures.push(`${via} ${label}: ${r.status} ${r.text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('a string `type` is a SCHEMA failure, not a crash', async () => {
    const r = await t.gql('query($c: JSON!) { verifyCredential(credential: $c) { valid checks { check status reason } } }', { c: { ...base, type: 'VerifiableCredential' } });
    expect(r.status).toBe(200);
    expect(r.data.verifyCredential.valid).toBe(false);
    expect(r.data.verifyCredential.checks).toContainEqual({ check: 'SCHEMA', status: 'FAIL', reason: 'SCHEMA_MISMATCH' });
  });

  it('refuses NUL, lone surrogates and deep nesting with 400 naming the field', async () => {
    const nul = await t.gql('query($c: JSON!) { verifyCredential(credential: $c) { valid } }', { c: { ...base, credentialSubject: { ...base.credentialSubject, name: 'a\u0000' } } });
    expect(nul.status).toBe(400);
    expect(nul.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'variables.c.credentialSubject.name' } });
    const deepRes = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodyText({ query: 'query($c: JSON!) { verifyCredential(credential: $c) { valid } }', variables: { c: deepNest(10_000) } }),
    });
    expect(deepRes.status).toBe(400);
    const deep = (await deepRes.json()) as { errors: Array<{ message: string }> };
    expect(deep.errors[0].message).toMatch(/^variables\.c(\.n)+: nests deeper than 64 levels$/);
    const literal = await t.gql('{ verifyCredential(credential: "x\\u0000") { valid } }');
    expect(literal.status).toBe(400);
    expect(literal.errors![0].message).toMatch(/NUL/);
  });

  it.each([
    ['null for a non-null variable', 'query($c: JSON!) { verifyCredential(credential: $c) { valid } }', { c: null }, /\$c/],
    ['a missing variable', 'query($c: JSON!) { verifyCredential(credential: $c) { valid } }', {}, /\$c/],
    ['a string for an Int', 'query($n: Int!) { qualifications(first: $n) { totalCount } }', { n: 'abc' }, /\$n/],
    ['an unknown enum value', 'query($l: Language!) { qualifications(first: 1) { edges { node { title(lang: $l) } } } }', { l: 'xx' }, /\$l/],
  ])('%s is a 400 naming the variable', async (_label, query, variables, named) => {
    const r = await t.gql(query, variables);
    expect(r.status).toBe(400);
    expect(r.errors![0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(r.errors![0].message).toMatch(named);
  });

  it.each([
    ['a fragment cycle', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ['a self-referencing fragment', 'query { ...A } fragment A on Query { __typename ...A }'],
    ['an unknown fragment', 'query { ...Nope }'],
  ])('%s is a validation error, not a 500', async (_label, query) => {
    const r = await t.gql(query);
    expect(r.status).toBe(400);
    expect(r.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('stall payloads are refused at once: /health answers within 200 ms throughout', async () => {
    const stall = (n: number) => ({ ...base, proof: [{ ...base.proof[0], proofValue: `z${'A'.repeat(n)}` }] });
    const payloads = [25_000, 100_000, 200_000].map(stall);
    let polling = true;
    const latencies: number[] = [];
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        await fetch(`${t.baseUrl}/health`);
        latencies.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const results = await Promise.all([
      ...payloads.map((c) => fetch(`${t.baseUrl}/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verifiableCredential: c }) })),
      fetch(`${t.baseUrl}/presentations/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: payloads } }) }),
      t.gql('query($c: JSON!) { verifyCredential(credential: $c) { valid checks { check reason } } }', { c: payloads[2] }),
    ]);
    polling = false;
    await poller;
    for (const r of results.slice(0, 4)) expect((r as Response).status).toBeLessThan(500);
    const gql = results[4] as { data: any };
    expect(gql.data.verifyCredential.checks).toContainEqual({ check: 'PROOF', reason: 'PROOF_MALFORMED' });
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(200);
  });
});
