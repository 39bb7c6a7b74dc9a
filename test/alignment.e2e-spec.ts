import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EscoImporter } from '../libs/catalogue/import/esco-importer';
import { QualificationImporter } from '../libs/catalogue/import/qualification-importer';
import { ENGINE_VERSION } from '../libs/comparison/domain/types';
import { SYSTEM_ACTOR } from '../libs/platform/auth/actor';
import { startTestApp, TestApp } from './support/test-app';

const VIG = 'nl-mbo-25656-verzorgende-ig';
const ALT = 'de-altpflg-altenpfleger';

const SUGGEST = `query($h: ID!, $r: ID!) { outcomeMappingSuggestions(holderId: $h, referenceId: $r) {
  referenceUnitKey referenceOutcomeKey referenceText referenceLang holderUnitKey holderOutcomeKey holderText holderLang
  score signal sharedSkills alignmentScore evidence { signal key reference holder weight } } }`;
const REVIEW = `mutation($i: [OutcomeMappingInput!]!) { reviewOutcomeMappings(input: $i) { id status note holderUnitKey holderOutcomeKey referenceUnitKey referenceOutcomeKey updatedBy } }`;
const COMPARE = `query($h: ID!, $r: ID!) { compareQualifications(holderId: $h, referenceId: $r) { coverage engineVersion report } }`;

/** Copies of two seeded files under new keys with every ESCO tag removed: only their texts are left to compare. */
async function importUntagged(t: TestApp): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'recog-untagged-'));
  const copy = (key: string, newKey: string) => {
    const doc = JSON.parse(readFileSync(join(__dirname, '../seeds/qualifications', `${key}.json`), 'utf8'));
    delete doc.code;
    delete doc.codeScheme;
    doc.key = newKey;
    for (const u of doc.units) for (const o of u.outcomes) o.escoSkills = [];
    const path = join(dir, `${newKey}.json`);
    writeFileSync(path, JSON.stringify(doc));
    return path;
  };
  try {
    const reports = await t.app.get(QualificationImporter).importFiles([copy(VIG, 'test-nl-vig-untagged'), copy(ALT, 'test-de-altpfl-untagged')], SYSTEM_ACTOR);
    expect(reports.map((r) => r.ok)).toEqual([true, true]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A made-up ESCO-style concept (test fixture, not a real ESCO URI) whose labels name older people in nl and de. */
const FIXTURE_CONCEPT = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-0000000a11e0';

async function importConceptFixture(t: TestApp): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'recog-esco-concept-'));
  writeFileSync(join(dir, 'skills.csv'), `conceptUri,skillType,reuseLevel,label_en,label_nl,label_de\n"${FIXTURE_CONCEPT}","knowledge","","older people","ouderen","alte Menschen"\n`);
  writeFileSync(join(dir, 'occupations.csv'), 'conceptUri,iscoGroup,label_en,label_nl,label_de\n');
  try {
    await t.app.get(EscoImporter).importDir(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('outcome alignment and mapping suggestions through GraphQL', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let deExpert: string;

  beforeAll(async () => {
    t = await startTestApp();
    await importUntagged(t);
    deExpert = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-reviewer' });
    const list = await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }');
    ids = Object.fromEntries(list.data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
  });
  afterAll(async () => t?.close());

  it('aligns a seeded NL and DE pair with every ESCO tag stripped: nonzero coverage, each match with its evidence', async () => {
    const res = await t.gql(COMPARE, { h: ids['test-nl-vig-untagged'], r: ids['test-de-altpfl-untagged'] });
    expect(res.errors).toBeUndefined();
    const c = res.data.compareQualifications;
    expect(c.engineVersion).toBe(ENGINE_VERSION);
    expect(c.coverage).toBeGreaterThan(0);
    const matches = c.report.units.flatMap((u: any) => u.outcomes.flatMap((o: any) => o.matches));
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      expect(m).toMatchObject({ evidence: 'ALIGNMENT', sharedSkills: [] });
      expect(m.alignment.score).toBeGreaterThan(0);
      expect(m.alignment.evidence.length).toBeGreaterThan(0);
    }
    const sugg = await t.gql(SUGGEST, { h: ids['test-nl-vig-untagged'], r: ids['test-de-altpfl-untagged'] }, deExpert);
    expect(sugg.errors).toBeUndefined();
    expect(sugg.data.outcomeMappingSuggestions.length).toBe(matches.length);
    expect(sugg.data.outcomeMappingSuggestions.every((s: any) => s.signal === 'ALIGNMENT' && s.evidence.length > 0)).toBe(true);
  });

  it('refuses the suggestions and the review to anonymous callers (UNAUTHENTICATED) and to non-experts (FORBIDDEN)', async () => {
    const anon = await t.gql(SUGGEST, { h: ids[VIG], r: ids[ALT] });
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const anonReview = await t.gql(REVIEW, { i: [] });
    expect(anonReview.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const employer = await t.gql(SUGGEST, { h: ids[VIG], r: ids[ALT] }, await t.token('employer'));
    expect(employer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await t.gql(SUGGEST, { h: 'nope', r: ids[ALT] }, deExpert);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/holderId/);
  });

  it('lists suggestions with evidence; an expert confirms one and rejects another in one audited call, and the report follows', async () => {
    const before = (await t.gql(SUGGEST, { h: ids[VIG], r: ids[ALT] }, deExpert)).data.outcomeMappingSuggestions;
    expect(before.length).toBeGreaterThan(1);
    const aligned = before.filter((s: any) => s.signal === 'ALIGNMENT');
    expect(aligned.length).toBeGreaterThan(0);
    for (const s of aligned) expect(s.evidence.length).toBeGreaterThan(0);
    expect(before.some((s: any) => s.signal === 'SHARED_ESCO' && s.sharedSkills.length > 0)).toBe(true);
    expect(before.every((s: any) => s.score > 0 && s.score <= 1 && s.referenceLang === 'de' && s.holderLang === 'nl')).toBe(true);

    const [yes, no] = [aligned[0], before.find((s: any) => s !== aligned[0] && s.referenceOutcomeKey !== aligned[0].referenceOutcomeKey)];
    const item = (s: any, status: string, note?: string) => ({
      holderQualificationId: ids[VIG],
      holderOutcome: { unitKey: s.holderUnitKey, outcomeKey: s.holderOutcomeKey },
      referenceQualificationId: ids[ALT],
      referenceOutcome: { unitKey: s.referenceUnitKey, outcomeKey: s.referenceOutcomeKey },
      status,
      ...(note ? { note } : {}),
    });

    // Scope and validation: nothing is written unless every item passes.
    const nl = await t.gql(REVIEW, { i: [item(yes, 'ASSERTED')] }, await t.token('expert', { jurisdictions: ['NL'] }));
    expect(nl.errors![0].extensions!.code).toBe('FORBIDDEN');
    const badKey = await t.gql(REVIEW, { i: [item(yes, 'ASSERTED'), { ...item(no, 'REJECTED'), referenceOutcome: { unitKey: no.referenceUnitKey, outcomeKey: 'nope.99' } }] }, deExpert);
    expect(badKey.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(badKey.errors![0].message).toMatch(/input\[1\]\.referenceOutcome\.outcomeKey/);
    const twice = await t.gql(REVIEW, { i: [item(yes, 'ASSERTED'), item(yes, 'REJECTED')] }, deExpert);
    expect(twice.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(twice.errors![0].message).toMatch(/input\[1\]/);
    const status = await t.gql(REVIEW, { i: [item(yes, 'MAYBE')] }, deExpert);
    expect(status.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(status.errors![0].message).toMatch(/input\[0\]\.status/);
    const empty = await t.gql(REVIEW, { i: [] }, deExpert);
    expect(empty.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.query(`SELECT 1 FROM outcome_mapping`)).toHaveLength(0);

    const res = await t.gql(REVIEW, { i: [item(yes, 'ASSERTED', 'Confirmed from the aligner’s suggestion.'), item(no, 'REJECTED')] }, deExpert);
    expect(res.errors).toBeUndefined();
    const rows = res.data.reviewOutcomeMappings;
    expect(rows.map((r: any) => [r.referenceOutcomeKey, r.holderOutcomeKey, r.status, r.updatedBy])).toEqual([
      [yes.referenceOutcomeKey, yes.holderOutcomeKey, 'ASSERTED', 'expert-reviewer'],
      [no.referenceOutcomeKey, no.holderOutcomeKey, 'REJECTED', 'expert-reviewer'],
    ]);
    const audit = await t.dataSource.query(`SELECT action, actor, entity_id FROM audit_log WHERE entity_type = 'outcome-mapping' ORDER BY entity_id`);
    expect(audit).toEqual(rows.map((r: any) => ({ action: 'outcome-mapping.create', actor: 'expert-reviewer', entity_id: r.id })).sort((a: any, b: any) => (a.entity_id < b.entity_id ? -1 : 1)));

    // Decided pairs leave the suggestions; the report uses the assertion and honours the rejection.
    const after = (await t.gql(SUGGEST, { h: ids[VIG], r: ids[ALT] }, deExpert)).data.outcomeMappingSuggestions;
    const pair = (s: any) => `${s.referenceUnitKey}/${s.referenceOutcomeKey}|${s.holderUnitKey}/${s.holderOutcomeKey}`;
    expect(after.map(pair)).not.toContain(pair(yes));
    expect(after.map(pair)).not.toContain(pair(no));
    const report = (await t.gql(COMPARE, { h: ids[VIG], r: ids[ALT] }, deExpert)).data.compareQualifications.report;
    const outcome = (s: any) => report.units.find((u: any) => u.unitKey === s.referenceUnitKey).outcomes.find((o: any) => o.outcomeKey === s.referenceOutcomeKey);
    expect(outcome(yes)).toMatchObject({ coverage: 1, covered: true });
    expect(outcome(yes).matches[0]).toMatchObject({ evidence: 'EXPERT_MAPPING', holderOutcomeKey: yes.holderOutcomeKey, score: 1 });
    expect(outcome(no).matches.map((m: any) => m.holderOutcomeKey)).not.toContain(no.holderOutcomeKey);
    expect(outcome(no).rejected).toContainEqual({ holderUnitKey: no.holderUnitKey, holderOutcomeKey: no.holderOutcomeKey });

    // Reviewing again updates the same mapping (a new audited version), it does not add one.
    const again = await t.gql(REVIEW, { i: [item(no, 'ASSERTED')] }, deExpert);
    expect(again.data.reviewOutcomeMappings[0].id).toBe(rows[1].id);
    const updates = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'outcome-mapping' AND entity_id = $1 ORDER BY id`, [rows[1].id]);
    expect(updates.map((u: any) => u.action)).toEqual(['outcome-mapping.create', 'outcome-mapping.update']);
  });

  it('after an ESCO import, aligns through the concepts the imported labels name, in a newly stored report', async () => {
    const STORE = `query($h: ID!, $r: ID!) { compareQualifications(holderId: $h, referenceId: $r) { id coverage report } }`;
    const vars = { h: ids['test-nl-vig-untagged'], r: ids['test-de-altpfl-untagged'] };
    const concepts = (report: any) =>
      report.units.flatMap((u: any) => u.outcomes.flatMap((o: any) => o.matches.flatMap((m: any) => (m.alignment?.evidence ?? []).filter((e: any) => e.signal === 'CONCEPT'))));
    const before = (await t.gql(STORE, vars, deExpert)).data.compareQualifications;
    expect(concepts(before.report)).toEqual([]);

    await importConceptFixture(t);
    const after = (await t.gql(STORE, vars, deExpert)).data.compareQualifications;
    expect(after.id).not.toBe(before.id);
    expect(after.coverage).toBeGreaterThan(before.coverage);
    const found = concepts(after.report);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ key: FIXTURE_CONCEPT, reference: 'alte Menschen', holder: 'ouderen' });
    const sugg = (await t.gql(SUGGEST, vars, deExpert)).data.outcomeMappingSuggestions;
    expect(sugg.some((x: any) => x.evidence.some((e: any) => e.signal === 'CONCEPT' && e.key === FIXTURE_CONCEPT))).toBe(true);
  });
});
