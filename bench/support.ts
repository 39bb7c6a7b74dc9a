import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Figures of one measured workload. Latencies are in milliseconds. */
export interface Stats {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** One unit of work; `worker` is 0…concurrency-1, `iteration` counts that worker's calls. */
export type Work = (worker: number, iteration: number) => Promise<unknown>;

const COLUMNS = ['requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'];
const NAME_WIDTH = 34;
const COLUMN_WIDTH = 10;

/** Seconds per measured workload: BENCH_SECONDS, else the fallback. */
export function benchSeconds(fallback = 5): number {
  const value = Number(process.env.BENCH_SECONDS);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** In-flight requests per measured workload: BENCH_CONCURRENCY, else the fallback. */
export function benchConcurrency(fallback = 8): number {
  const value = Number(process.env.BENCH_CONCURRENCY);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export interface MeasureOptions {
  /** Unrecorded run before the measurement (JIT, caches, connection pool); default min(1, seconds / 5). */
  warmupSeconds?: number;
}

/**
 * Runs `fn` from `concurrency` workers until `seconds` have passed (a call already started is
 * allowed to finish), after an unrecorded warm-up, then prints and returns the figures.
 * A call that throws counts as an error.
 */
export async function measure(name: string, seconds: number, concurrency: number, fn: Work, options: MeasureOptions = {}): Promise<Stats> {
  const warmup = options.warmupSeconds ?? Math.min(1, seconds / 5);
  if (warmup > 0) await runWorkers(warmup, concurrency, fn);
  const started = performance.now();
  const { latencies, failures } = await runWorkers(seconds, concurrency, fn);
  const stats = summarise(name, latencies, failures.length, (performance.now() - started) / 1000);
  printStats(stats);
  if (failures.length) process.stderr.write(`  ${name}: ${failures.length} errors, first: ${describe(failures[0])}\n`);
  return stats;
}

async function runWorkers(seconds: number, concurrency: number, fn: Work): Promise<{ latencies: number[]; failures: unknown[] }> {
  const latencies: number[] = [];
  const failures: unknown[] = [];
  const deadline = performance.now() + seconds * 1000;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      try {
        await fn(w, i);
        latencies.push(performance.now() - t0);
      } catch (e) {
        failures.push(e);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { latencies, failures };
}

export function summarise(name: string, latencies: number[], errors: number, seconds: number): Stats {
  const sorted = Float64Array.from(latencies).sort();
  return {
    name,
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Nearest-rank percentile of ascending values; NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Prints a title; with `table`, also the header of the rows `measure` prints. */
export function section(title: string, table = true): void {
  const header = table ? `${'name'.padEnd(NAME_WIDTH)}${COLUMNS.map((c) => c.padStart(COLUMN_WIDTH)).join('')}\n` : '';
  process.stdout.write(`\n${title}\n${header}`);
}

export function printStats(s: Stats): void {
  const cells = [String(s.requests), fixed(s.perSecond, 1), fixed(s.p50, 2), fixed(s.p95, 2), fixed(s.p99, 2), String(s.errors)];
  process.stdout.write(`${s.name.padEnd(NAME_WIDTH)}${cells.map((c) => c.padStart(COLUMN_WIDTH)).join('')}\n`);
}

/** Prints how `a` compares with `b`: throughput a/b and median latency a/b. */
export function printRatio(label: string, a: Stats, b: Stats): void {
  const throughput = fixed(a.perSecond / b.perSecond, 2);
  const latency = fixed(a.p50 / b.p50, 2);
  process.stdout.write(`${label.padEnd(NAME_WIDTH)}req/s ${throughput}x, p50 latency ${latency}x\n`);
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same data on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export type JsonPost = (path: string, body: unknown, bearer?: string) => Promise<any>;

/**
 * POSTs JSON to the service under test; anything but a clean 2xx answer (GraphQL errors included) throws.
 * node:http with kept-alive connections rather than fetch: the load generator shares the service's cores, and
 * fetch costs it about twice the CPU per request.
 */
export function jsonPoster(baseUrl: string): JsonPost {
  const agent = new Agent({ keepAlive: true });
  const base = new URL(baseUrl);
  return (path, body, bearer) => {
    const payload = Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': payload.length };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ agent, host: base.hostname, port: base.port, path, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            const status = res.statusCode ?? 0;
            if (status >= 300 || json.errors?.length) reject(new Error(`HTTP ${status}: ${JSON.stringify(json).slice(0, 300)}`));
            else resolve(json);
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
}

/** Registers a school and accredits it for a learning-unit programme, as an admin and an NL expert would. */
export async function accreditedSchool(post: JsonPost, tokens: { admin: string; expert: string }, school: { id: string; name: string; programme: string }): Promise<void> {
  await post('/graphql', { query: `mutation { registerInstitution(id: "${school.id}", name: "${school.name}", jurisdiction: "NL", type: "SCHOOL") { id } }` }, tokens.admin);
  await post(
    '/graphql',
    { query: 'mutation($i: AccreditationInput!) { recordAccreditation(input: $i) { id } }', variables: { i: { institutionId: school.id, scope: 'LEARNING_UNIT_PROGRAMME', programme: school.programme, sourceUrl: `https://example.org/${school.id}`, validFrom: '2020-01-01' } } },
    tokens.expert,
  );
}

/** The programme the benchmark schools are accredited for, and the claims of the development tokens they use. */
export const BENCH_PROGRAMME = 'bench-programme';
export const DEV_TOKEN = { issuer: 'recognition-engine-dev', audience: 'recognition-engine' };

/** A learning-unit issuance request of ordinary size; `key` makes its idempotency key unique. */
export function learningUnitRequest(key: string, learner: { givenName: string; familyName: string }) {
  return {
    idempotencyKey: key,
    learner,
    programme: BENCH_PROGRAMME,
    title: { nl: 'Leereenheid', de: 'Lerneinheit', en: 'Learning unit' },
    eqfLevel: 4,
    volume: { hours: 80 },
    outcomes: [
      { text: 'Realiseert software', lang: 'nl', dimension: 'SKILLS', escoSkills: [] },
      { text: 'Kennt Vorgehensmodelle', lang: 'de', dimension: 'KNOWLEDGE', escoSkills: [] },
      { text: 'Takes responsibility', lang: 'en', dimension: 'RESPONSIBILITY_AUTONOMY', escoSkills: [] },
    ],
    activity: { location: 'Enschede', hostCountry: 'NL', startDate: '2025-03-03', endDate: '2025-03-14' },
    assessment: { method: 'project', date: '2025-03-14', result: 'passed' },
  };
}
