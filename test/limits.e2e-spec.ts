import { startTestApp, TestApp } from './support/test-app';

describe('hostile requests: depth, complexity, aliases, body size, malformed JSON', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { GRAPHQL_MAX_DEPTH: '4', MAX_BODY_BYTES: '65536' } });
  });
  afterAll(async () => t?.close());

  it('refuses a query nested past the depth limit, and answers one within it', async () => {
    const ok = await t.gql('{ qualifications(first: 1) { edges { node { units { key } } } } }');
    expect(ok.errors).toBeUndefined();
    const deep = await t.gql('{ qualifications(first: 1) { edges { node { units { outcomes { key } } } } } }');
    expect(deep.status).toBe(400);
    expect(deep.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors![0].message).toMatch(/exceeds maximum operation depth of 4/);
    expect(deep.data).toBeUndefined();
  });

  it('refuses an operation over the complexity limit, counting list sizes from variables', async () => {
    const query = 'query($n: Int!) { qualifications(first: $n) { edges { node { key units { key hours } } } } }';
    const small = await t.gql(query, { n: 10 });
    expect(small.errors).toBeUndefined();
    // Same document, larger page: 1 + n × (edges + node + key + units × 5 × 2) grows with n from the variables.
    const t2 = await startTestApp({ seed: false, env: { GRAPHQL_MAX_COMPLEXITY: '500' } });
    try {
      expect((await t2.gql(query, { n: 10 })).errors).toBeUndefined();
      const big = await t2.gql(query, { n: 100 });
      expect(big.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(big.errors![0].message).toMatch(/complexity \d+ exceeds the limit of 500/);
    } finally {
      await t2.close();
    }
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: jurisdictions { code }`).join(' ');
    const r = await t.gql(`{ ${aliases} }`);
    expect(r.errors![0].message).toMatch(/more than 30 aliases/);
  });

  it('refuses an oversized body with 413 and a clear error', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ jurisdictions { code } }', variables: { pad: 'x'.repeat(70_000) } }),
    });
    expect(res.status).toBe(413);
    const body: any = await res.json();
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message).toMatch(/exceeds the limit of 65536 bytes/);
  });

  it('refuses malformed JSON and malformed GraphQL without leaking internals', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const syntax = await t.gql('{ qualifications(first: ) }');
    expect(syntax.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    const wrongType = await t.gql('{ qualifications(first: "ten") { totalCount } }');
    expect(wrongType.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const r of [syntax, wrongType]) expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|node_modules/);
  });

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${t.baseUrl}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });
});
