import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { readmeBlocks, runBash } from './support/readme';
import { ROOT, ServiceProcess, startService, stopService } from './support/service-process';
import { createTestDatabase } from './support/test-database';

function walletExample(readme: string, name = 'wallet-example'): string {
  const [block] = readmeBlocks(readme, name);
  if (!block) throw new Error(`README has no ${name} block`);
  return block.script;
}

describe('README wallet example, run as printed against a fresh service (NODE_ENV=development)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-wallet-readme-'));
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: ServiceProcess | undefined;
  let port: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The README says localhost:3000; another free port is used here so parallel runs never collide.
    port = await freePort();
    service = await startService({ NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn' });
  });

  afterAll(async () => {
    if (service) await stopService(service.proc);
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the example wallet receives the diploma in every format, bound to its key, and shows an employer only the first name', async () => {
    const script = `set -euo pipefail\n${walletExample(readFileSync(join(ROOT, 'README.md'), 'utf8')).replaceAll('localhost:3000', `localhost:${port}`)}`;
    const r = await runBash(script, { NODE_ENV: 'development', DATA_DIR: dataDir });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('openid-credential-offer://?credential_offer=%7B%22credential'.slice(0, 60));
    const results = lines.slice(1).map((l) => JSON.parse(l));
    expect(results.map((x) => x.format).sort()).toEqual(['dc+sd-jwt', 'jwt_vc_json', 'ldp_vc']);
    expect(results.find((x) => x.format === 'dc+sd-jwt')).toEqual({ format: 'dc+sd-jwt', verified: true, holderBound: true, qualification: 'nl-mbo-software-developer', disclosedToAnEmployer: ['givenName'] });
    for (const f of ['jwt_vc_json', 'ldp_vc']) expect(results.find((x) => x.format === f)).toMatchObject({ id: expect.stringMatching(/^urn:uuid:/), holder: 'did:jwk of this wallet' });
  });

  it('the OpenID4VP example: the wallet discloses only the asked-for names to an employer, who reads a verified report with advice for DE-NW', async () => {
    const script = `set -euo pipefail\n${walletExample(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'wallet-present-example').replaceAll('localhost:3000', `localhost:${port}`)}`;
    const r = await runBash(script, { NODE_ENV: 'development', DATA_DIR: dataDir });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const [answer, result] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answer).toEqual({ answered: 200, disclosed: ['familyName', 'givenName'] });
    expect(result).toMatchObject({
      status: 'VERIFIED',
      reason: null,
      verified: true,
      trusted: true,
      disclosed: { givenName: 'Sanne', familyName: 'de Vries' },
      issuer: expect.any(String),
      qualification: 'nl-mbo-software-developer',
      adviceFor: 'DE-NW',
    });
    expect(result.checks).toEqual(['FORMAT:PASS', 'SCHEMA:PASS', 'PROOF:PASS', 'KEY_BINDING:PASS', 'ISSUER:PASS', 'ACCREDITATION:PASS', 'STATUS:PASS', 'VALIDITY:PASS']);
    expect(JSON.stringify(result)).not.toContain('2005-04-12');
  });
});
