import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli';
import { freePort } from './support/free-port';
import { readmeBlocks, runBash } from './support/readme';
import { ROOT, ServiceProcess, startService, stopService } from './support/service-process';
import { createTestDatabase } from './support/test-database';

const README_PORT = 3000;

/** The README's walkthrough blocks, by name, in order: the fenced block after each `<!-- walkthrough:NAME -->`. */
export function walkthroughBlocks(readme: string): Array<{ name: string; script: string }> {
  return readmeBlocks(readme, 'walkthrough:([a-z-]+)');
}

/** Splits the combined output at the markers the test put between blocks. */
function sections(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of stdout.split(/^::walkthrough:/m).slice(1)) {
    const nl = part.indexOf('\n');
    out[part.slice(0, nl).replace(/::$/, '')] = part.slice(nl + 1);
  }
  return out;
}

/** A stream of pretty-printed or compact JSON values, as jq prints them. */
function jsonValues(text: string): any[] {
  const values: any[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return values;
}

async function portIsFree(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
    () => false,
    (e: Error & { cause?: { code?: string } }) => e.cause?.code === 'ECONNREFUSED',
  );
}

describe('README walkthrough, run as printed against a fresh database (NODE_ENV=development)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-walkthrough-'));
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: ServiceProcess | undefined;
  let port = README_PORT;
  let blocks: Array<{ name: string; script: string }>;

  beforeAll(async () => {
    blocks = walkthroughBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    // The README says localhost:3000. Should something else hold that port here, the same commands run
    // against another port (only the port number is replaced), rather than failing on the machine.
    if (!(await portIsFree(README_PORT))) {
      port = await freePort();
      blocks = blocks.map((b) => ({ ...b, script: b.script.replaceAll('localhost:3000', `localhost:${port}`).replaceAll('localhost%3A3000', `localhost%3A${port}`) }));
    }
    db = await createTestDatabase();
    // `npm start` itself, as the README's first step says (dist/ is current: the build check is a no-op).
    service = await startService({ NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn' }, { viaNpm: true });
  });

  afterAll(async () => {
    if (service) await stopService(service.proc);
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has the four role blocks', () => {
    expect(blocks.map((b) => b.name)).toEqual(['setup', 'expert', 'school', 'employer']);
  });

  it('every block succeeds; the employer verifies the demo school’s diploma with advice for DE-NW', async () => {
    const script = ['set -euo pipefail', ...blocks.map((b) => `echo "::walkthrough:${b.name}::"\n${b.script}`)].join('\n');
    const r = await runBash(script, { NODE_ENV: 'development', DATA_DIR: dataDir });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const out = sections(r.stdout);

    expect(out.setup).toMatch(/Verzorgende-IG: [0-9a-f-]{36} {2}Altenpfleger\/in: [0-9a-f-]{36}/);

    const [comparison, approved, published, route] = jsonValues(out.expert);
    expect(['FULL', 'PARTIAL', 'NONE']).toContain(comparison.verdict);
    expect(approved).toEqual({ approveDecision: { status: 'APPROVED' } });
    expect(published).toEqual({ publishDecision: { status: 'PUBLISHED' } });
    expect(route.expectedOutcome).toMatchObject({ basis: 'DECISION', binding: true });

    const [issued, statusList] = jsonValues(out.school);
    expect(issued.issuer.id).toBe(`did:web:localhost%3A${port}:issuers:alfa-college`);
    expect(issued.status).toMatch(new RegExp(`^http://localhost:${port}/status/`));
    expect(statusList.type).toContain('BitstringStatusListCredential');
    expect(statusList.issuer).toBe(issued.issuer.id);

    const [verification] = jsonValues(out.employer);
    expect(verification).toMatchObject({ valid: true, trusted: true, issuer: issued.issuer.id });
    expect(verification.checks.every((c: { status: string }) => c.status !== 'FAILED')).toBe(true);
    expect(verification.advice).not.toBeNull();
    expect(verification.advice.route).toMatch(/^[A-Z_]+$/);
  });

  it('`npm run -s cli -- token` prints the token and nothing else', async () => {
    const r = await runBash('npm run -s cli -- token --role employer', { NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});

describe('PUBLIC_BASE_URL follows PORT when unset', () => {
  it('a credential issued on port N names DIDs and status lists on port N, and both resolve over HTTP', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recog-port-'));
    const db = await createTestDatabase();
    const port = await freePort();
    const service = await startService({ NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn' });
    try {
      const token = (await runCli(['token', '--role', 'school', '--institution', 'alfa-college'], { NODE_ENV: 'development', DATA_DIR: dataDir })).stdout.trim();
      const call = async (query: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
        return (await res.json()) as any;
      };
      const q = (await call('{ qualifications(first: 100) { edges { node { id key } } } }')).data.qualifications.edges.find((e: any) => e.node.key === 'nl-mbo-software-developer').node.id;
      const issued = await call(`mutation { issueDiplomaCredential(request: { idempotencyKey: "port-check-0001", learner: { givenName: "Jan", familyName: "Jansen" }, qualificationId: "${q}", awardingDate: "2025-07-01" }) { credential } }`);
      expect(issued.errors).toBeUndefined();
      const vc = issued.data.issueDiplomaCredential.credential;
      const issuer = vc.issuer.id as string;
      expect(issuer).toBe(`did:web:localhost%3A${port}:issuers:alfa-college`);

      // did:web resolution (W3C did:web method): host%3Aport:path → http(s)://host:port/path/did.json
      const [, , hostPort, ...path] = issuer.split(':');
      const didUrl = `http://${decodeURIComponent(hostPort)}/${path.join('/')}/did.json`;
      expect(didUrl).toBe(`http://localhost:${port}/issuers/alfa-college/did.json`);
      const didDoc = (await (await fetch(didUrl)).json()) as any;
      expect(didDoc.id).toBe(issuer);
      const proofs = Array.isArray(vc.proof) ? vc.proof : [vc.proof];
      expect(didDoc.assertionMethod).toContain(proofs[0].verificationMethod);

      for (const entry of vc.credentialStatus) {
        expect(entry.statusListCredential).toMatch(new RegExp(`^http://localhost:${port}/status/`));
        const list = await fetch(entry.statusListCredential);
        expect(list.status).toBe(200);
        expect(((await list.json()) as any).issuer).toBe(issuer);
      }
    } finally {
      await stopService(service.proc);
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
