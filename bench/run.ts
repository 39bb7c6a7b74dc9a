import 'reflect-metadata';
import * as alignment from './alignment';
import * as catalogue from './catalogue';
import * as comparison from './comparison';
import * as credentials from './credentials';
import * as requestCost from './request-cost';
import * as startup from './startup';

/** A benchmark prints figures and ratios; it asserts nothing. */
interface Benchmark {
  description: string;
  run(): Promise<void>;
}

const BENCHMARKS: Record<string, Benchmark> = {
  alignment,
  catalogue,
  comparison,
  credentials,
  'request-cost': requestCost,
  startup,
};

function usage(problem: string): never {
  const names = Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(12)} ${b.description}`);
  process.stderr.write(`${problem}\nusage: npm run bench -- <name>\n\navailable benchmarks:\n${names.join('\n')}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) usage('no benchmark named');
  const benchmark = Object.hasOwn(BENCHMARKS, name) ? BENCHMARKS[name] : undefined;
  if (!benchmark) usage(`unknown benchmark "${name}"`);
  await benchmark.run();
}

main().catch((e) => {
  process.stderr.write(`benchmark failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
