import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('the README and docs/ stand on their own', () => {
  it.each(DOCS)('%s names no folder outside the repository and every relative link resolves inside it', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    // Users of the project have the repository only: nothing beside it (the shared folder of the build machine).
    expect(text).not.toMatch(/\.\.\/shared|\.\.\/\.\./);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
      const path = resolve(dirname(join(ROOT, file)), target.split('#')[0]);
      expect(path.startsWith(ROOT + '/')).toBe(true);
      expect(existsSync(path)).toBe(true);
    }
  });
});
