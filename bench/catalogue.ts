import { performance } from 'node:perf_hooks';
import { Presets, SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { normaliseSearch } from '../libs/catalogue/domain/qualification-text';
import { QualificationService } from '../libs/catalogue/qualification.service';
import { SYSTEM_ACTOR } from '../libs/platform/auth/actor';
import { BenchService, startBenchService } from './service';
import { benchConcurrency, benchSeconds, fixed, measure, printRatio, section, Stats } from './support';
import { SEARCH_WORDS, syntheticQualification } from './synthetic-qualifications';

export const description = 'paged and text-search queries per second through HTTP, with 10,000 synthetic qualification files loaded';

const PAGE_SIZE = 20;
const NODE_FIELDS = 'id key title(lang: en) eqfLevel';

const FIRST_PAGE = `query FirstPage {
  qualifications(first: ${PAGE_SIZE}) { totalCount edges { cursor node { ${NODE_FIELDS} } } }
}`;

const PAGE = `query Page($first: Int!, $after: String, $filter: QualificationFilterInput) {
  qualifications(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { ${NODE_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface PageData {
  qualifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const FILTERS = ['NL', 'DE', 'DE-NW', 'BE-VLG'].flatMap((jurisdiction) =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((eqfLevel) => ({ jurisdiction, eqfLevel })),
);

interface Settings {
  files: number;
  loadConcurrency: number;
  seconds: number;
  concurrency: number;
}

function settings(): Settings {
  const positive = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isInteger(v) && v > 0 ? v : fallback;
  };
  return {
    files: positive('BENCH_FILES', 10_000),
    loadConcurrency: positive('BENCH_LOAD_CONCURRENCY', 4),
    seconds: benchSeconds(),
    concurrency: benchConcurrency(),
  };
}

export async function run(): Promise<void> {
  const s = settings();
  const service = await startBenchService();
  const pool = new Pool({ connectionString: service.database.url, max: s.concurrency });
  try {
    say(`catalogue: ${description}`);
    say(`PostgreSQL: ${service.database.description}; service: ${service.baseUrl}`);
    say(`${s.seconds} s per workload, ${s.concurrency} requests in flight`);
    await loadFiles(service, s.files, s.loadConcurrency);
    // Fresh statistics, as autovacuum would gather them on a live catalogue.
    await pool.query('ANALYZE');
    await reportSearchHits(service);
    const api = await measureApi(service, s);
    const raw = await measureRaw(pool, s);
    section('API / raw SQL', false);
    printRatio('text search, many rows', api.textMany, raw.textMany);
    printRatio('text search, few rows', api.textFew, raw.textFew);
  } finally {
    await pool.end();
    await service.close();
  }
}

/** Stores the synthetic files through the service (validation, reference checks, audit), `concurrency` at a time. */
async function loadFiles(service: BenchService, files: number, concurrency: number): Promise<void> {
  const qualifications = service.app.get(QualificationService);
  const bar = new SingleBar({ stream: process.stderr, etaBuffer: 200, format: 'loading {bar} {value}/{total} files | {rate} files/s | eta {eta}s' }, Presets.shades_classic);
  let next = 1;
  const started = performance.now();
  const rate = () => fixed((next - 1) / ((performance.now() - started) / 1000), 0);
  bar.start(files, 0, { rate: '-' });
  const worker = async () => {
    for (let n = next++; n <= files; n = next++) {
      await qualifications.upsert(SYSTEM_ACTOR, syntheticQualification(n));
      bar.increment(1, { rate: rate() });
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  say(`loaded ${files} files in ${fixed(seconds, 1)} s: ${fixed(files / seconds, 1)} files/s (${concurrency} upserts in flight)`);
}

async function reportSearchHits(service: BenchService): Promise<void> {
  const hits = async (text: string) => (await service.gql<PageData>(PAGE, { first: 1, filter: { text } })).qualifications.totalCount;
  const describe = async (words: string[]) => (await Promise.all(words.map(async (w) => `"${w}" ${await hits(w)}`))).join(', ');
  say(`search words, rows hit: many: ${await describe(SEARCH_WORDS.many)}; few: ${await describe(SEARCH_WORDS.few)}`);
}

interface ApiFigures {
  textMany: Stats;
  textFew: Stats;
}

async function measureApi(service: BenchService, { seconds, concurrency }: Settings): Promise<ApiFigures> {
  section('GraphQL over HTTP');
  await measure('first page', seconds, concurrency, () => service.gql(FIRST_PAGE));
  await measure('walk pages (after cursor)', seconds, concurrency, pageWalker(service, concurrency));
  await measure('filter jurisdiction + eqfLevel', seconds, concurrency, (w, i) =>
    service.gql(PAGE, { first: PAGE_SIZE, filter: FILTERS[(w + i * concurrency) % FILTERS.length] }),
  );
  const search = (words: string[]) => (w: number, i: number) =>
    service.gql(PAGE, { first: PAGE_SIZE, filter: { text: words[(w + i) % words.length] } });
  const textMany = await measure('text search, many rows', seconds, concurrency, search(SEARCH_WORDS.many));
  const textFew = await measure('text search, few rows', seconds, concurrency, search(SEARCH_WORDS.few));
  return { textMany, textFew };
}

/** Each worker follows endCursor page by page and starts over at the last page. */
function pageWalker(service: BenchService, concurrency: number) {
  const cursors: Array<string | null> = Array.from({ length: concurrency }, () => null);
  return async (w: number) => {
    const { qualifications: q } = await service.gql<PageData>(PAGE, { first: PAGE_SIZE, after: cursors[w] });
    cursors[w] = q.pageInfo.hasNextPage ? q.pageInfo.endCursor : null;
  };
}

/** The SQL the repository's `search` issues for a text filter: a count, then one page ordered by key. */
const RAW_COUNT = `SELECT COUNT(DISTINCT(q.id)) AS cnt FROM qualification q WHERE q.retired_at IS NULL AND q.search_text LIKE $1`;
const RAW_PAGE = `SELECT q.* FROM qualification q WHERE q.retired_at IS NULL AND q.search_text LIKE $1 ORDER BY q.key ASC LIMIT ${PAGE_SIZE + 1}`;

async function measureRaw(pool: Pool, { seconds, concurrency }: Settings): Promise<ApiFigures> {
  section('raw SQL through the pg driver (same text-search queries)');
  const search = (words: string[]) => async (w: number, i: number) => {
    const pattern = `%${likeEscape(normaliseSearch(words[(w + i) % words.length]))}%`;
    await pool.query(RAW_COUNT, [pattern]);
    await pool.query(RAW_PAGE, [pattern]);
  };
  const textMany = await measure('text search, many rows', seconds, concurrency, search(SEARCH_WORDS.many));
  const textFew = await measure('text search, few rows', seconds, concurrency, search(SEARCH_WORDS.few));
  return { textMany, textFew };
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
