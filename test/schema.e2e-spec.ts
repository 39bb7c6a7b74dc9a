import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSortedSchema } from '../apps/cli/generate';
import { projectRoot } from '../libs/platform/project-root';
import { startTestApp, TestApp } from './support/test-app';

describe('the running service serves the committed schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(async () => t?.close());

  it('has exactly the schema generated from API_RESOLVERS', () => {
    const served = printSortedSchema(t.app.get(GraphQLSchemaHost).schema);
    expect(served).toBe(readFileSync(join(projectRoot(), 'schema.gql'), 'utf8'));
  });
});
