import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeedService } from '../libs/catalogue/seed.service';
import { projectRoot } from '../libs/platform/project-root';
import { startTestApp, TestApp } from './support/test-app';
import { tempDir } from './support/temp-dir';

describe('seeding is idempotent and follows changed seed files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(async () => t?.close());

  const counts = async () =>
    (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM qualification)::int q, (SELECT count(*) FROM qualification_unit)::int u,
              (SELECT count(*) FROM learning_outcome)::int o, (SELECT count(*) FROM framework_level)::int l,
              (SELECT count(*) FROM audit_log)::int a`,
    ))[0];

  it('loads once, skips unchanged files, and updates a changed file in place', async () => {
    const dir = tempDir('seeds');
    cpSync(join(projectRoot(), 'seeds'), dir, { recursive: true });
    const seeder = t.app.get(SeedService);

    const first = await seeder.seed(dir);
    expect(first.qualifications.every((r) => r.ok && r.created)).toBe(true);
    const afterFirst = await counts();
    expect(afterFirst.q).toBeGreaterThanOrEqual(8);

    const second = await seeder.seed(dir);
    expect(second.qualifications.some((r) => r.changed)).toBe(false);
    expect(second).toMatchObject({ jurisdictions: 0, frameworks: 0, professions: 0 });
    expect(await counts()).toEqual(afterFirst);

    const file = join(dir, 'qualifications', 'nl-mbo-software-developer.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.title.en = 'Software developer (revised title)';
    doc.units = doc.units.slice(0, doc.units.length - 1);
    writeFileSync(file, JSON.stringify(doc));
    const third = await seeder.seed(dir);
    expect(third.qualifications.filter((r) => r.changed).map((r) => r.key)).toEqual(['nl-mbo-software-developer']);
    const afterThird = await counts();
    expect(afterThird.q).toBe(afterFirst.q);
    expect(afterThird.u).toBeLessThan(afterFirst.u);
    expect(afterThird.a).toBe(afterFirst.a + 1);
    const r = await t.gql('{ qualifications(first: 5, filter: { text: "revised title" }) { totalCount edges { node { key version } } } }');
    expect(r.data.qualifications.edges).toEqual([{ node: { key: 'nl-mbo-software-developer', version: 2 } }]);
  });

  it('refuses an invalid seed file and names it', async () => {
    const dir = tempDir('seeds-bad');
    cpSync(join(projectRoot(), 'seeds'), dir, { recursive: true });
    writeFileSync(join(dir, 'qualifications', 'zz-broken.json'), JSON.stringify({ key: 'zz-broken', eqfLevel: 9 }));
    await expect(t.app.get(SeedService).seed(dir)).rejects.toThrow(/zz-broken\.json: eqfLevel: /);
  });
});
