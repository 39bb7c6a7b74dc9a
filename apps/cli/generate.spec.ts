import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { projectRoot } from '../../libs/platform/project-root';
import { generateArtifacts } from './generate';

describe('generated files are current (run `npm run generate` after changing the API or the zod schemas)', () => {
  it('schema.gql and schemas/*.json match the code', async () => {
    const root = projectRoot();
    const stale: string[] = [];
    for (const [file, content] of await generateArtifacts(root)) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(relative(root, file));
    }
    expect(stale).toEqual([]);
  });
});
