import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { createTestDatabase } from './support/test-database';
import { CLI, runCli } from './support/cli';

/** `import-esco` through the real CLI (dist/apps/cli/main.js) on fresh databases. */

const ESCO_DIR = resolve(__dirname, '../../shared/data/esco');
const OCC = 'http://data.europa.eu/esco/occupation/';
const SKILL = 'http://data.europa.eu/esco/skill/';

/** A fresh, empty database (import-esco runs the migrations itself) and a pg client on it. */
async function freshDb(): Promise<{ url: string; client: Client; env: Record<string, string>; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-esco-data-'));
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return {
    url: db.url,
    client,
    env: { DATABASE_URL: db.url, DATA_DIR: dataDir },
    async close() {
      await client.end();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function count(c: Client, table: string): Promise<number> {
  return Number((await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
}

/** Every column except updated_at, in a stable order: what a second import must leave untouched. */
async function dump(c: Client, table: 'esco_skill' | 'esco_occupation'): Promise<unknown[]> {
  return (await c.query(`SELECT to_jsonb(t) - 'updated_at' AS row FROM ${table} t ORDER BY uri`)).rows.map((r) => r.row);
}

/** RFC 4180 CSV writer (quotes every field, doubles quotes, keeps embedded newlines). */
function csv(header: string[], rows: Array<Record<string, string>>): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [header.map(q).join(','), ...rows.map((r) => header.map((h) => q(r[h] ?? '')).join(','))].join('\n') + '\n';
}

const SKILL_COLUMNS = 'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description'.split(',');
const OCC_COLUMNS = 'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code'.split(',');

const S1 = `${SKILL}00000000-0000-4000-8000-000000000001`;
const S2 = `${SKILL}00000000-0000-4000-8000-000000000002`;
const S3 = `${SKILL}00000000-0000-4000-8000-000000000003`;
const O1 = `${OCC}00000000-0000-4000-8000-0000000000a1`;
const O2 = `${OCC}00000000-0000-4000-8000-0000000000a2`;

function writeOfficialFixture(dir: string): void {
  const skill = (uri: string, label: string, alt: string, description: string) => ({
    conceptType: 'KnowledgeSkillCompetence',
    conceptUri: uri,
    skillType: 'skill/competence',
    reuseLevel: 'sector-specific',
    preferredLabel: label,
    altLabels: alt,
    status: 'released',
    modifiedDate: '2023-01-01T00:00:00Z',
    inScheme: 'http://data.europa.eu/esco/concept-scheme/skills',
    description,
  });
  writeFileSync(
    join(dir, 'skills_en.csv'),
    csv(SKILL_COLUMNS, [
      skill(S1, 'write code', 'program software\ndevelop code\n', 'Write computer programs, "clean" ones.'),
      skill(S2, 'care for the elderly', 'elderly care', 'Look after older people.'),
      { ...skill(S3, 'use spreadsheets', '', 'Work with spreadsheet software.'), skillType: 'knowledge', reuseLevel: 'cross-sector' },
    ]),
  );
  writeFileSync(
    join(dir, 'skills_de.csv'),
    csv(SKILL_COLUMNS, [
      skill(S1, 'Code schreiben', 'programmieren\r\nSoftware entwickeln', 'Computerprogramme schreiben.'),
      skill(S2, 'ältere Menschen pflegen', '', 'Ältere Menschen betreuen.'),
    ]),
  );
  writeFileSync(
    join(dir, 'occupations_en.csv'),
    csv(OCC_COLUMNS, [
      {
        conceptType: 'Occupation',
        conceptUri: O1,
        iscoGroup: '0110',
        preferredLabel: 'commissioned armed forces officer',
        altLabels: 'army officer\nmilitary officer',
        status: 'released',
        regulatedProfessionNote: 'http://data.europa.eu/esco/regulated-professions/unregulated',
        description: 'Officers, with "quotes", and commas.',
        code: '0110.1',
      },
      {
        conceptType: 'Occupation',
        conceptUri: O2,
        iscoGroup: '2512',
        preferredLabel: 'software tester',
        altLabels: '',
        status: 'released',
        regulatedProfessionNote: 'http://data.europa.eu/esco/regulated-professions/regulated',
        description: 'Tests software.',
        code: '2512.7',
      },
    ]),
  );
}

describe('import-esco CLI (real PostgreSQL)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'recog-esco-'));
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -p tsconfig.build.json" (npm test builds first)`);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const haveExtract = existsSync(join(ESCO_DIR, 'skills.csv')) && existsSync(join(ESCO_DIR, 'occupations.csv'));
  if (!haveExtract) {
    // eslint-disable-next-line no-console
    console.warn(`SKIPPED: the ESCO extract was not found at ${ESCO_DIR} (skills.csv, occupations.csv); the full-extract import test does not run.`);
  }
  (haveExtract ? it : it.skip)(`imports the project's merged extract (${ESCO_DIR}), one row per concept with en/nl/de labels`, async () => {
    const uniqueUris = (file: string) => {
      const rows = parse(readFileSync(join(ESCO_DIR, file)), { columns: true, bom: true, skip_empty_lines: true }) as Array<{ conceptUri: string }>;
      return new Set(rows.map((r) => r.conceptUri.trim()).filter(Boolean)).size;
    };
    const skills = uniqueUris('skills.csv');
    const occupations = uniqueUris('occupations.csv');
    // Sanity check of the data itself (README: 14,028 skills, 3,043 occupations); loose so a new extract still passes.
    expect(skills).toBeGreaterThan(10_000);
    expect(occupations).toBeGreaterThan(2_500);

    const db = await freshDb();
    try {
      const r = await runCli(['import-esco', ESCO_DIR], db.env, 120_000);
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`ok      ${join(ESCO_DIR, 'skills.csv')}: ${skills} skill rows (de, en, nl)`);
      expect(r.stdout).toContain(`ok      ${join(ESCO_DIR, 'occupations.csv')}: ${occupations} occupation rows (de, en, nl)`);

      expect(await count(db.client, 'esco_skill')).toBe(skills);
      expect(await count(db.client, 'esco_occupation')).toBe(occupations);
      // The files that are not skills/occupations tables (occupation_skills.csv, isco_groups.csv ...) are not imported as concepts.
      expect(await count(db.client, 'qualification')).toBe(0);

      const dev = (await db.client.query(`SELECT isco_group, label, alt_labels, regulated_note, description FROM esco_occupation WHERE uri = $1`, [`${OCC}f2b15a0e-e65a-438a-affb-29b9d50b77d1`])).rows[0];
      expect(dev).toBeDefined();
      expect(dev.label).toEqual({ en: 'software developer', nl: 'software ontwikkelaar', de: 'Softwareentwickler/Softwareentwicklerin' });
      expect(dev.isco_group).toBe('2512');
      expect(dev.regulated_note).toBe('http://data.europa.eu/esco/regulated-professions/unregulated');
      expect(dev.alt_labels.en).toEqual(expect.arrayContaining(['programmer', 'software engineer']));
      expect(dev.alt_labels.en.every((a: string) => !a.includes(' | '))).toBe(true);
      expect(dev.description).toEqual(expect.any(String));

      // ISCO groups keep their leading zeros.
      const zeros = Number((await db.client.query(`SELECT count(*)::int AS n FROM esco_occupation WHERE isco_group LIKE '0%'`)).rows[0].n);
      expect(zeros).toBeGreaterThan(0);
      // Skills have German labels for a subset only (README: 2,367); nl even fewer.
      const withDe = Number((await db.client.query(`SELECT count(*)::int AS n FROM esco_skill WHERE label ? 'de'`)).rows[0].n);
      expect(withDe).toBeGreaterThan(1000);
      expect(withDe).toBeLessThan(skills);

      // Importing again changes nothing but updated_at.
      const skillCount = await count(db.client, 'esco_skill');
      const occBefore = await dump(db.client, 'esco_occupation');
      const again = await runCli(['import-esco', ESCO_DIR], db.env, 120_000);
      // eslint-disable-next-line no-console
      expect(again.code).toBe(0);
      expect(await count(db.client, 'esco_skill')).toBe(skillCount);
      expect(await dump(db.client, 'esco_occupation')).toEqual(occBefore);
    } finally {
      await db.close();
    }
  });

  it('imports the official one-file-per-language layout, merging languages into one row per concept; a second import is idempotent', async () => {
    const dir = join(tmp, 'official');
    mkdirSync(dir);
    writeOfficialFixture(dir);
    const db = await freshDb();
    try {
      const r = await runCli(['import-esco', dir], db.env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual([
        `ok      ${join(dir, 'occupations_en.csv')}: 2 occupation rows (en)`,
        `ok      ${join(dir, 'skills_de.csv')}: 2 skill rows (de)`,
        `ok      ${join(dir, 'skills_en.csv')}: 3 skill rows (en)`,
      ]);
      expect(await count(db.client, 'esco_skill')).toBe(3);
      expect(await count(db.client, 'esco_occupation')).toBe(2);

      const skills = await dump(db.client, 'esco_skill');
      expect(skills).toEqual([
        {
          uri: S1,
          skill_type: 'skill/competence',
          reuse_level: 'sector-specific',
          label: { en: 'write code', de: 'Code schreiben' },
          alt_labels: { en: ['program software', 'develop code'], de: ['programmieren', 'Software entwickeln'] },
          // Descriptions are taken from English only, whatever the file order.
          description: 'Write computer programs, "clean" ones.',
        },
        {
          uri: S2,
          skill_type: 'skill/competence',
          reuse_level: 'sector-specific',
          label: { en: 'care for the elderly', de: 'ältere Menschen pflegen' },
          alt_labels: { en: ['elderly care'] },
          description: 'Look after older people.',
        },
        {
          uri: S3,
          skill_type: 'knowledge',
          reuse_level: 'cross-sector',
          label: { en: 'use spreadsheets' },
          alt_labels: {},
          description: 'Work with spreadsheet software.',
        },
      ]);
      const occupations = await dump(db.client, 'esco_occupation');
      expect(occupations).toEqual([
        {
          uri: O1,
          isco_group: '0110',
          label: { en: 'commissioned armed forces officer' },
          alt_labels: { en: ['army officer', 'military officer'] },
          regulated_note: 'http://data.europa.eu/esco/regulated-professions/unregulated',
          description: 'Officers, with "quotes", and commas.',
        },
        {
          uri: O2,
          isco_group: '2512',
          label: { en: 'software tester' },
          alt_labels: {},
          regulated_note: 'http://data.europa.eu/esco/regulated-professions/regulated',
          description: 'Tests software.',
        },
      ]);

      const again = await runCli(['import-esco', dir], db.env);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(r.stdout);
      expect(await count(db.client, 'esco_skill')).toBe(3);
      expect(await count(db.client, 'esco_occupation')).toBe(2);
      expect(await dump(db.client, 'esco_skill')).toEqual(skills);
      expect(await dump(db.client, 'esco_occupation')).toEqual(occupations);

      // A later download in another language adds its labels to the existing rows.
      const nlDir = join(tmp, 'official-nl');
      mkdirSync(nlDir);
      writeFileSync(join(nlDir, 'skills_nl.csv'), csv(SKILL_COLUMNS, [{ conceptUri: S3, preferredLabel: 'spreadsheets gebruiken', altLabels: 'rekenbladen gebruiken', description: 'NL beschrijving' }]));
      const nl = await runCli(['import-esco', nlDir], db.env);
      expect(nl.code).toBe(0);
      const s3 = (await db.client.query(`SELECT label, alt_labels, skill_type, description FROM esco_skill WHERE uri = $1`, [S3])).rows[0];
      expect(s3).toEqual({
        label: { en: 'use spreadsheets', nl: 'spreadsheets gebruiken' },
        alt_labels: { nl: ['rekenbladen gebruiken'] },
        skill_type: 'knowledge',
        description: 'Work with spreadsheet software.',
      });
      expect(await count(db.client, 'esco_skill')).toBe(3);
    } finally {
      await db.close();
    }
  });

  it('rolls back a file that breaks after the first batch, keeping the earlier state', async () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    const rows = Array.from({ length: 700 }, (_, i) => ({
      conceptUri: `${SKILL}00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      preferredLabel: `skill ${i}`,
    }));
    // Row 650 has one column too many: the parser fails after 500 rows were already written in this file's transaction.
    const text = csv(SKILL_COLUMNS, rows).split('\n');
    text[651] = `${text[651]},"extra"`;
    writeFileSync(join(dir, 'skills_en.csv'), text.join('\n'));
    const db = await freshDb();
    try {
      const r = await runCli(['import-esco', dir], db.env);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/^error: .*Invalid Record Length/im);
      expect(await count(db.client, 'esco_skill')).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('fails with a clear message for a directory without ESCO files, and for a missing directory', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'readme.txt'), 'nothing here');
    writeFileSync(join(empty, 'skills-en.csv'), 'conceptUri\n');
    const db = await freshDb();
    try {
      const r = await runCli(['import-esco', empty], db.env);
      expect(r.code).not.toBe(0);
      expect(r.stdout).not.toMatch(/^ok/m);
      expect(r.stderr).toContain(`error: no ESCO skills_<lang>.csv / occupations_<lang>.csv (or skills.csv / occupations.csv) in ${empty}`);

      const missing = join(tmp, 'does-not-exist');
      const m = await runCli(['import-esco', missing], db.env);
      expect(m.code).not.toBe(0);
      expect(m.stderr).toContain(`error: ESCO directory not found: ${missing}`);
      expect(await count(db.client, 'esco_skill')).toBe(0);
      expect(await count(db.client, 'esco_occupation')).toBe(0);
    } finally {
      await db.close();
    }
  });
});
