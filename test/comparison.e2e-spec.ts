import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EscoImporter } from '../libs/catalogue/import/esco-importer';
import { QualificationImporter } from '../libs/catalogue/import/qualification-importer';
import { SYSTEM_ACTOR } from '../libs/platform/auth/actor';
import { startTestApp, TestApp } from './support/test-app';

const SKILL = 'http://data.europa.eu/esco/skill/';
const OCC = 'http://data.europa.eu/esco/occupation/';
/** Real ESCO rows (extract of ESCO v1.1.1/v1.2: uri, label_en, label_de) for every skill of the Altenpfleger/in file. */
const ALT_SKILL_LABELS: Array<[string, string, string]> = [
  ['0450eaee-1a00-4622-8f4e-5356fce816d2', 'hygiene in a health care setting', 'Hygiene im Gesundheitsbereich'],
  ['0a06b0a8-d931-44ba-b85a-3e0e617261c3', 'support social service users at the end of life', 'Nutzer/Nutzerinnen der sozialen Dienste am Lebensende unterstützen'],
  ['0ee94af1-b445-4973-9c3f-459fab250342', 'apply conflict management', 'Konfliktmanagement anwenden'],
  ['1023ac61-250f-4eef-b7a9-238cf071685f', 'provide professional care in nursing', 'professionelle Krankenpflege anbieten'],
  ['1709f408-9965-489b-9805-8e1e5d9e483b', 'health care legislation', 'Rechtsvorschriften zur Gesundheitsfürsorge'],
  ['199f7919-5114-41b6-b6a5-41e0e4896ec1', 'assume responsibility', 'Verantwortung übernehmen'],
  ['261e740b-d32d-4356-94a8-3ea29128b70b', 'tend to elderly people', 'sich um ältere Menschen kümmern'],
  ['4be3c34e-47ba-4881-ac74-8bd244e0b04c', 'participate in health personnel training', 'an der Schulung von Gesundheitspersonal teilhaben'],
  ['51e53aff-6f8a-42ca-9cb9-47335130f4d7', 'human physiology', 'Humanphysiologie'],
  ['51e79cb4-fab3-404c-88f3-cd4a1bd5879e', 'deal with emergency care situations', 'mit Situationen der Notfallpflege umgehen'],
  ['52c19dc8-651f-4095-98fe-dcb2799d702e', 'geriatrics', 'Geriatrie'],
  ['5cc97a45-69fc-4f37-a973-402d5ac561ac', 'initiate life preserving measures', 'lebenserhaltende Maßnahmen einleiten'],
  ['6063652e-22c4-472e-bb96-6e5ec1e7c5de', 'provide nursing advice on healthcare', 'Krankenpflegeinformationen zum Gesundheitswesen vermitteln'],
  ['60b2dd49-c677-4f47-816e-aff3b577e113', 'provide health education', 'Gesundheitserziehung anbieten'],
  ['60c544c9-0815-479c-bcec-93c7891815ea', 'pharmacology', 'Pharmakologie'],
  ['634865e0-2ec2-4b7f-bb7f-c196637f0f7b', "older adults' needs", 'Bedürfnisse älterer Menschen'],
  ['6acf652c-33b2-4e28-8f79-1e553f255229', 'plan nursing care', 'Krankenpflegepläne entwerfen'],
  ['7110bf9f-b245-4adc-9159-5081013fd64d', 'communicate in healthcare', 'im Gesundheitswesen kommunizieren'],
  ['71480db1-a706-47f9-952f-bdc5036e3df3', 'coordinate care', 'Pflege koordinieren'],
  ['76395873-7fe2-4f9a-b4b6-9932f8cbd0b4', 'follow clinical guidelines', 'klinischen Leitlinien folgen'],
  ['7666e121-32a4-40c9-90a7-6dc024985475', 'carry out treatment prescribed by doctors', 'vom Arzt verordnete Behandlung durchführen'],
  ['7a147904-22b3-498a-b4d9-7bceeb86b45d', 'cope with stress', 'Stress standhalten'],
  ['7a63f944-6948-4ae4-9c1f-d08e492535c9', 'apply person-centred care', 'Individualpflege anwenden'],
  ['8b3aefd2-5021-418f-b069-828fb7abc598', 'nursing principles', 'Verhaltenskodex der Krankenpflege'],
  ['941438bd-cc03-4326-91bf-677157dca170', 'support social service users to live at home', 'Nutzer/Nutzerinnen von sozialen Diensten beim Leben im eigenen Heim unterstützen'],
  ['98eb1f3b-3480-416b-bd4b-811946f7e347', 'comply with quality standards related to healthcare practice', 'Rechtsvorschriften im Zusammenhang mit der Praxis im Gesundheitswesen einhalten'],
  ['9ec4252d-cbe8-4134-88fa-549dee1883f3', 'human anatomy', 'Anatomie des Menschen'],
  ['9fcf9918-fdef-49c3-aedc-518eb1e7e1f5', 'comply with legislation related to health care', 'Rechtsvorschriften zum Gesundheitswesen einhalten'],
  ['a28e8141-89ee-4b24-a3bb-1aebcc56c72d', 'apply nursing care in long-term care', 'Krankenpflege in der Langzeitpflege anwenden'],
  ['a8d24a95-47b3-4f88-92e7-06600bcd3612', 'manage personal professional development', 'die eigene berufliche Entwicklung vorantreiben'],
  ['aa238394-8126-4ada-be2f-9dfe065cf314', 'adhere to organisational guidelines', 'organisatorische Leitlinien befolgen'],
  ['ae965e49-06f1-442f-87bf-e48fc1e1d8b6', 'analyse quality of nurse care', 'Qualität von Pflegedienstleistungen analysieren'],
  ['b4910ea9-578d-4767-bd68-00a315a64e09', "evaluate older adults' ability to take care of themselves", 'die Alltagskompetenz älterer Erwachsener bewerten'],
  ['bfe4f330-d595-48c7-ab3c-f309471d6953', 'psychology', 'Psychologie'],
  ['c29aa9d2-4da8-4bdd-831c-8d4a2fb51730', 'work independently', 'selbstständig arbeiten'],
  ['c5a80bb0-31e6-4de0-868c-00a0f9b88b47', 'palliative care', 'Palliativbehandlung'],
  ['cdf83a12-56d4-4e3c-ad0b-af1c1f21c62a', 'document your own practice', 'eigene Praktiken dokumentieren'],
  ['d429b19a-132f-44d3-971b-bb0ccd94f979', 'nursing science', 'Pflegewissenschaft'],
  ['e98a5096-de98-46d2-88c8-951f4029c038', 'evaluate nursing care', 'Krankenpflegewesen evaluieren'],
  ['e99ddf41-6085-4b91-9de8-8bf251af9ced', "monitor patient's health condition", 'Gesundheitszustand des Patienten/der Patientin überwachen'],
  ['eba85523-6ad2-4cd9-9b27-a0b6a39b8cfa', 'work in multidisciplinary health teams', 'in interdisziplinären Teams des Gesundheitswesens arbeiten'],
  ['f190355a-cea5-4cd0-b6cd-a5c3d9a14985', 'dietetics', 'Diätetik'],
  ['f90d4810-8bac-4e5e-b870-3e35a4138ff7', 'accept own accountability', 'mit Eigenverantwortlichkeit umgehen'],
  ['f98e06f5-a09a-4356-b6a8-d55a7d3c5356', 'implement nursing care', 'Krankenpflege einsetzen'],
];
/** Real ESCO occupations of the seeded professions (uri, ISCO code, label_en). */
const OCCUPATIONS: Array<[string, string, string]> = [
  ['1391bdf9-bd61-4fb5-91ca-c29036ab2b60', '5322', 'home care aide'],
  ['18e14e61-495b-44cc-a7c6-df4c625934ba', '2221', 'specialist nurse'],
  ['8d3e8aaa-791b-4c75-a465-f3f827028f50', '2221', 'nurse responsible for general care'],
  ['bd272aee-adc9-4a06-a15c-a73b4b4a46a7', '2514', 'ICT application developer'],
  ['d38c2107-98f2-47b7-8bb4-f69750d51082', '5321', 'healthcare assistant'],
  ['f2b15a0e-e65a-438a-affb-29b9d50b77d1', '2512', 'software developer'],
];
const q = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** Imports the rows above through the real ESCO importer (the project's extract format). */
async function importEscoFixture(t: TestApp): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'recog-esco-fixture-'));
  writeFileSync(join(dir, 'skills.csv'), ['conceptUri,skillType,reuseLevel,label_en,label_nl,label_de', ...ALT_SKILL_LABELS.map(([u, en, de]) => [q(SKILL + u), q('skill/competence'), q(''), q(en), q(''), q(de)].join(','))].join('\n') + '\n');
  writeFileSync(join(dir, 'occupations.csv'), ['conceptUri,iscoGroup,label_en,label_nl,label_de', ...OCCUPATIONS.map(([u, isco, en]) => [q(OCC + u), q(isco), q(en), q(''), q('')].join(','))].join('\n') + '\n');
  try {
    await t.app.get(EscoImporter).importDir(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Test fixtures: DE EQF 3 qualifications with no ESCO skills, for a care and an IT profession (sourced for nothing but their shape). */
async function importFixtureQualifications(t: TestApp): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'recog-nearest-fixture-'));
  const file = (key: string, profession: string) => {
    const path = join(dir, `${key}.json`);
    writeFileSync(path, JSON.stringify({
      key,
      jurisdiction: 'DE',
      kind: 'VOCATIONAL',
      title: { en: `${key} (test fixture)` },
      framework: 'DQR',
      nationalLevel: '3',
      eqfLevel: 3,
      professions: [profession],
      sources: [{ url: 'https://example.org/test-fixture', title: 'Test fixture, not a real qualification' }],
      notes: 'Test fixture only.',
    }));
    return path;
  };
  try {
    const reports = await t.app.get(QualificationImporter).importFiles([file('test-de-care-assistant', 'healthcare-assistant'), file('test-de-it-assistant', 'software-developer')], SYSTEM_ACTOR);
    return reports.every((r) => r.ok);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const COMPARE = `query($h: ID!, $r: ID!, $p: ID, $e: [ExperienceEvidenceInput!], $lang: Language) {
  compareQualifications(holderId: $h, referenceId: $r, policyId: $p, evidence: $e, lang: $lang) {
    id verdict coverage eqfGap reasons policyKey policyVersion engineVersion lang
    differences { id kind substantial compensated dimension unitKey missingOutcomes message }
    compensation { adaptationPeriod { months hours estimate } aptitudeTestTopics }
    dimensions { dimension coverage }
    explanation { rule legalBasis }
    report
  }
}`;
const DECISION_FIELDS = 'id seriesId version status author approvedBy supersedesId supersededById verdict';
const CREATE = `mutation($r: ID!, $i: DecisionInput!) { createDecision(reportId: $r, input: $i) { ${DECISION_FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveDecision(id: $id) { ${DECISION_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishDecision(id: $id) { ${DECISION_FIELDS} } }`;
const REVISE = `mutation($id: ID!, $i: DecisionInput!) { reviseDecision(id: $id, input: $i) { ${DECISION_FIELDS} } }`;

describe('comparison engine through GraphQL', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  /** A DE expert: their comparisons are stored (public ones are not) and they may read them back. */
  let deExpert: string;
  const VIG = 'nl-mbo-25656-verzorgende-ig';
  const ALT = 'de-altpflg-altenpfleger';

  beforeAll(async () => {
    t = await startTestApp();
    deExpert = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-de-reader' });
    const list = await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }');
    ids = Object.fromEntries(list.data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
  });
  afterAll(async () => t?.close());

  const compare = (h: string, r: string, extra: Record<string, unknown> = {}) => t.gql(COMPARE, { h: ids[h], r: ids[r], ...extra }, deExpert);

  it('compares Verzorgende-IG with Altenpfleger/in: PARTIAL, level gap and autonomy named, compensation, stored and readable', async () => {
    const res = await compare(VIG, ALT, { lang: 'de' });
    expect(res.errors).toBeUndefined();
    const c = res.data.compareQualifications;
    expect(c).toMatchObject({ verdict: 'PARTIAL', eqfGap: 1, policyKey: 'default', policyVersion: 2, engineVersion: '3.0.0', lang: 'de', reasons: [] });
    expect(c.differences.map((d: any) => d.id)).toEqual(expect.arrayContaining(['LEVEL', 'DIMENSION:RESPONSIBILITY_AUTONOMY']));
    expect(c.compensation.adaptationPeriod.months).toBeGreaterThan(0);
    // Since engine 2.0.0 the EQF gap is reported, not a substantial difference (Directive 2013/55/EU deleted the
    // "one level below" rule); aptitude-test subjects come from the units of the differences (Art. 14, BQFG §§9–11).
    expect(c.differences.find((d: any) => d.id === 'LEVEL')).toMatchObject({ substantial: false });
    expect(c.compensation.aptitudeTestTopics.some((x: string) => x.startsWith('Praktische Ausbildung'))).toBe(true);
    expect(c.explanation.some((e: any) => /BQFG §4\(2\)/.test(e.legalBasis ?? ''))).toBe(true);

    const again = await compare(VIG, ALT, { lang: 'de' });
    expect(again.data.compareQualifications.id).toBe(c.id); // same inputs, same stored report
    expect(JSON.stringify(again.data.compareQualifications.report)).toBe(JSON.stringify(c.report));
    const stored = await t.gql('query($id: ID!) { comparison(id: $id) { id verdict report } }', { id: c.id }, deExpert);
    expect(stored.data.comparison).toMatchObject({ id: c.id, verdict: 'PARTIAL' });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and unknown ids with NOT_FOUND', async () => {
    const bad = await t.gql(COMPARE, { h: 'nope', r: ids[ALT] });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/holderId/);
    const ev = await compare(VIG, ALT, { e: [{ escoSkills: ['not-a-uri'], years: 2 }] });
    expect(ev.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(ev.errors![0].message).toMatch(/evidence\[0\]\.escoSkills\[0\]/);
    const missing = await t.gql(COMPARE, { h: ids[VIG], r: '00000000-0000-4000-8000-0000000000ff' });
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('uses expert outcome mappings first; mapping changes are audited and need an expert of the reference jurisdiction', async () => {
    const SET = `mutation($i: OutcomeMappingInput!) { setOutcomeMapping(input: $i) { id status note } }`;
    const input = {
      holderQualificationId: ids[VIG],
      holderOutcome: { unitKey: 'kt1', outcomeKey: 'kt1-o4' },
      referenceQualificationId: ids[ALT],
      referenceOutcome: { unitKey: 'ausbildungsziel', outcomeKey: 'ziel.1' },
      status: 'ASSERTED',
      note: 'Independent care within the care file corresponds (expert panel).',
    };
    const nl = await t.gql(SET, { i: input }, await t.token('expert', { jurisdictions: ['NL'] }));
    expect(nl.errors![0].extensions!.code).toBe('FORBIDDEN');
    const employer = await t.gql(SET, { i: input }, await t.token('employer'));
    expect(employer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const wrongKey = await t.gql(SET, { i: { ...input, referenceOutcome: { unitKey: 'ausbildungsziel', outcomeKey: 'ziel.99' } } }, await t.token('expert', { jurisdictions: ['DE'] }));
    expect(wrongKey.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongKey.errors![0].message).toMatch(/input\.referenceOutcome\.outcomeKey/);

    const de = await t.gql(SET, { i: input }, await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-mapper' }));
    expect(de.errors).toBeUndefined();
    const c = (await compare(VIG, ALT)).data.compareQualifications;
    const z1 = c.report.units.find((u: any) => u.unitKey === 'ausbildungsziel').outcomes.find((o: any) => o.outcomeKey === 'ziel.1');
    expect(z1.matches[0]).toMatchObject({ evidence: 'EXPERT_MAPPING', holderOutcomeKey: 'kt1-o4', score: 1 });
    const audit = await t.gql(`query($id: String!) { auditLog(entityType: "outcome-mapping", entityId: $id) { edges { node { action actor } } } }`, { id: de.data.setOutcomeMapping.id }, await t.token('admin'));
    if (!audit.errors) expect(JSON.stringify(audit.data)).toMatch(/outcome-mapping\.create/);
    else {
      const rows = await t.dataSource.query(`SELECT action, actor FROM audit_log WHERE entity_type = 'outcome-mapping'`);
      expect(rows).toEqual([{ action: 'outcome-mapping.create', actor: 'expert-mapper' }]);
    }
  });

  it('keeps policies as versions; experts write only their jurisdiction’s, admins the shared ones', async () => {
    const SAVE = `mutation($k: String!, $p: ComparisonPolicyParamsInput!, $j: String) { saveComparisonPolicy(key: $k, params: $p, jurisdiction: $j) { id key version params jurisdiction } }`;
    const denied = await t.gql(SAVE, { k: 'care', p: {}, j: 'DE' }, await t.token('employer'));
    expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
    const expert = await t.token('expert', { jurisdictions: ['DE'] });
    const bad = await t.gql(SAVE, { k: 'care', p: { unitCoverageThreshold: 3 }, j: 'DE' }, expert);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/params\.unitCoverageThreshold/);
    const v1 = (await t.gql(SAVE, { k: 'care', p: { unitCoverageThreshold: 0.5 }, j: 'DE' }, expert)).data.saveComparisonPolicy;
    const v2 = (await t.gql(SAVE, { k: 'care', p: { unitCoverageThreshold: 0.4 } }, expert)).data.saveComparisonPolicy;
    expect([v1.version, v2.version, v2.jurisdiction]).toEqual([1, 2, 'DE']);
    const c = (await compare(VIG, ALT, { p: v1.id })).data.compareQualifications;
    expect(c).toMatchObject({ policyKey: 'care', policyVersion: 1 });

    // Another jurisdiction's expert may not add a version, nor move the key to their own jurisdiction.
    const nl = await t.token('expert', { jurisdictions: ['NL'] });
    expect((await t.gql(SAVE, { k: 'care', p: {} }, nl)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(SAVE, { k: 'care', p: {}, j: 'NL' }, nl)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // A Land's expert does not cover the country's policy.
    expect((await t.gql(SAVE, { k: 'care', p: {} }, await t.token('expert', { jurisdictions: ['DE-NW'] }))).errors![0].extensions!.code).toBe('FORBIDDEN');

    // The shared default is the admins': an LU expert cannot create version 2 of it.
    const lu = await t.gql(SAVE, { k: 'default', p: {} }, await t.token('expert', { jurisdictions: ['LU'] }));
    expect(lu.errors![0].extensions!.code).toBe('FORBIDDEN');
    const shared = await t.gql(SAVE, { k: 'shared-care', p: {} }, expert);
    expect(shared.errors![0].extensions!.code).toBe('FORBIDDEN');
    const byAdmin = (await t.gql(SAVE, { k: 'shared-care', p: {} }, await t.token('admin'))).data.saveComparisonPolicy;
    expect(byAdmin).toMatchObject({ version: 1, jurisdiction: null });
  });

  it('runs the decision lifecycle: author cannot approve, non-experts cannot act, superseded versions stay readable', async () => {
    const reportId = (await compare(VIG, ALT)).data.compareQualifications.id;
    const author = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-author' });
    const second = await t.token('expert', { jurisdictions: ['DE-NW', 'DE'], subject: 'expert-second' });
    const nlExpert = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-nl' });
    const input = { verdict: 'PARTIAL', rationale: 'Level gap and autonomy; adaptation period offered.', compensation: ['Anpassungslehrgang 12 Monate'] };

    const denied = await t.gql(CREATE, { r: reportId, i: input }, await t.token('employer'));
    expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
    const empty = await t.gql(CREATE, { r: reportId, i: { ...input, rationale: ' ' } }, author);
    expect(empty.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].message).toMatch(/input\.rationale/);

    const draft = (await t.gql(CREATE, { r: reportId, i: input }, author)).data.createDecision;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, author: 'expert-author' });

    const own = await t.gql(APPROVE, { id: draft.id }, author);
    expect(own.errors![0].extensions!.code).toBe('FORBIDDEN');
    for (const token of [await t.token('employer'), await t.token('school', { institution: 'roc-x' }), nlExpert]) {
      const r = await t.gql(APPROVE, { id: draft.id }, token);
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const early = await t.gql(PUBLISH, { id: draft.id }, author);
    expect(early.errors![0].extensions!.code).toBe('CONFLICT');

    const approved = (await t.gql(APPROVE, { id: draft.id }, second)).data.approveDecision;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: 'expert-second' });
    const published = (await t.gql(PUBLISH, { id: draft.id }, author)).data.publishDecision;
    expect(published.status).toBe('PUBLISHED');

    const v2 = (await t.gql(REVISE, { id: draft.id, i: { ...input, rationale: 'Revised after new evidence.' } }, second)).data.reviseDecision;
    expect(v2).toMatchObject({ status: 'DRAFT', version: 2, seriesId: draft.seriesId, supersedesId: draft.id, author: 'expert-second' });
    const selfApprove = await t.gql(APPROVE, { id: v2.id }, second);
    expect(selfApprove.errors![0].extensions!.code).toBe('FORBIDDEN');
    await t.gql(APPROVE, { id: v2.id }, author);
    const p2 = (await t.gql(PUBLISH, { id: v2.id }, second)).data.publishDecision;
    expect(p2.status).toBe('PUBLISHED');

    const old = (await t.gql(`query($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} rationale } }`, { id: draft.id })).data.decision;
    expect(old).toMatchObject({ status: 'SUPERSEDED', supersededById: v2.id, rationale: input.rationale });
    const current = await t.gql(`query($f: DecisionFilterInput) { decisions(filter: $f) { totalCount edges { node { id status version } } } }`, { f: { seriesId: draft.seriesId } });
    expect(current.data.decisions.edges.map((e: any) => e.node.id)).toEqual([v2.id]);
    const history = await t.gql(`query($f: DecisionFilterInput) { decisions(filter: $f) { totalCount edges { node { id status version } } } }`, { f: { seriesId: draft.seriesId, includeSuperseded: true } });
    expect(history.data.decisions.totalCount).toBe(2);
  });

  it('ranks nearest equivalents in the destination, and sees catalogue changes', async () => {
    const Q = `query($q: ID!, $d: String!, $k: Int!) { nearestEquivalents(qualificationId: $q, destination: $d, k: $k) { key jurisdiction score sharedSkills reason eqfLevel } }`;
    const r = await t.gql(Q, { q: ids['nl-mbo-software-developer'], d: 'DE', k: 3 });
    expect(r.errors).toBeUndefined();
    expect(r.data.nearestEquivalents[0].key).toBe('de-fiausbv-fachinformatiker-anwendungsentwicklung');
    expect(r.data.nearestEquivalents.every((h: any) => h.jurisdiction.startsWith('DE'))).toBe(true);
    expect(r.data.nearestEquivalents[0].reason).toMatch(/shared ESCO skill/);
    const care = await t.gql(Q, { q: ids[VIG], d: 'DE', k: 5 });
    expect(care.data.nearestEquivalents.map((h: any) => h.key).slice(0, 2)).toEqual(expect.arrayContaining([ALT]));
    // A care qualification never finds an IT one: no shared skill, no common ISCO group, or too low a score.
    for (const d of ['DE', 'NL']) {
      const hits = (await t.gql(Q, { q: ids[VIG], d, k: 10 })).data.nearestEquivalents;
      expect(hits.map((h: any) => h.key)).not.toContain('de-fiausbv-fachinformatiker-anwendungsentwicklung');
      expect(hits.map((h: any) => h.key)).not.toContain('nl-mbo-software-developer');
      expect(hits.every((h: any) => h.score >= 0.2 && h.sharedSkills > 0 && /shared ESCO skill/.test(h.reason))).toBe(true);
    }
    const bad = await t.gql(Q, { q: ids[VIG], d: 'germany', k: 5 });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/destination/);

    // Retire the Fachinformatiker: the index notices.
    const admin = await t.token('admin');
    await t.gql('mutation($id: ID!) { retireQualification(id: $id, reason: "test") { id } }', { id: ids['de-fiausbv-fachinformatiker-anwendungsentwicklung'] }, admin);
    const after = await t.gql(Q, { q: ids['nl-mbo-software-developer'], d: 'DE', k: 3 });
    expect(after.data.nearestEquivalents.map((h: any) => h.key)).not.toContain('de-fiausbv-fachinformatiker-anwendungsentwicklung');
  });

  it('with ESCO labels imported: reports name skills in the requested language beside the URI and quote outcomes whole; nearest equivalents weigh ISCO groups', async () => {
    await importEscoFixture(t);
    const stored: Record<string, { de: string }> = Object.fromEntries(
      (await t.dataSource.query(`SELECT uri, label FROM esco_skill WHERE uri = ANY($1)`, [ALT_SKILL_LABELS.map(([u]) => SKILL + u)])).map((r: any) => [r.uri, r.label]),
    );
    expect(Object.keys(stored)).toHaveLength(ALT_SKILL_LABELS.length);

    const c = (await compare(VIG, ALT, { lang: 'de' })).data.compareQualifications;
    expect(c.engineVersion).toBe('3.0.0');
    const outcomes = c.report.units.flatMap((u: any) => u.outcomes);
    const skills = [...outcomes.flatMap((o: any) => o.missingSkills), ...outcomes.flatMap((o: any) => o.matches.flatMap((m: any) => m.sharedSkills))];
    expect(skills.length).toBeGreaterThan(5);
    for (const s of skills) expect(s).toEqual({ uri: s.uri, label: stored[s.uri].de, labelLang: 'de' });
    // The same skills in English.
    const en = (await compare(VIG, ALT, { lang: 'en' })).data.compareQualifications;
    const enSkills = en.report.units.flatMap((u: any) => u.outcomes.flatMap((o: any) => o.missingSkills));
    expect(enSkills.length).toBeGreaterThan(0);
    expect(enSkills.every((s: any) => s.labelLang === 'en' && s.label === ALT_SKILL_LABELS.find(([u]) => SKILL + u === s.uri)![1])).toBe(true);

    // Outcome texts are whole in the stored report: in the missing outcomes, the messages and the aptitude-test topics.
    const stored2 = (await t.gql('query($id: ID!) { comparison(id: $id) { report differences { message } compensation { aptitudeTestTopics } } }', { id: c.id }, deExpert)).data.comparison;
    const file = (await t.gql('query($id: ID!) { qualification(id: $id) { units { key outcomes { key text } } } }', { id: ids[ALT] })).data.qualification;
    const text = (unitKey: string, key: string) => file.units.find((u: any) => u.key === unitKey).outcomes.find((o: any) => o.key === key).text;
    const missing = stored2.report.differences.flatMap((d: any) => d.missing);
    expect(missing.some((m: any) => m.text.length > 80)).toBe(true);
    for (const m of missing) expect(m.text).toBe(text(m.unitKey, m.outcomeKey));
    for (const d of stored2.report.differences) for (const m of d.missing.slice(0, 3)) expect(d.message).toContain(`"${m.text}"`);
    expect(JSON.stringify(stored2)).not.toContain('…');
    const longest = missing.reduce((a: any, b: any) => (b.text.length > a.text.length ? b : a));
    expect(stored2.compensation.aptitudeTestTopics.join('\n')).toContain(longest.text);

    // ISCO groups: a care fixture with no shared skill in the same major group (5) is ranked, an IT one is not.
    expect(await importFixtureQualifications(t)).toBe(true);
    const Q = `query($q: ID!, $d: String!, $lang: Language) { nearestEquivalents(qualificationId: $q, destination: $d, k: 10, lang: $lang) { key score sharedSkills reason } }`;
    const hits = (await t.gql(Q, { q: ids[VIG], d: 'DE' })).data.nearestEquivalents;
    const keys = hits.map((h: any) => h.key);
    expect(keys).toContain('test-de-care-assistant');
    expect(keys).not.toContain('test-de-it-assistant');
    expect(hits.find((h: any) => h.key === 'test-de-care-assistant')).toMatchObject({ sharedSkills: 0, score: 0.2, reason: 'no shared ESCO skill; EQF 3 (same level); professions in the same ISCO major group 5' });
    expect(hits.find((h: any) => h.key === ALT).reason).toMatch(/^\d+ shared ESCO skills \(.+\); EQF 4 \(\+1\); professions in another ISCO major group$/);
    const de = (await t.gql(Q, { q: ids[VIG], d: 'DE', lang: 'de' })).data.nearestEquivalents;
    const named = /^\d+ gemeinsame ESCO-Fertigkeiten \((.+?)(, …)?\); EQR 4 \(\+1\)/.exec(de.find((h: any) => h.key === ALT).reason)![1].split(', ');
    expect(named.length).toBeGreaterThan(1);
    for (const label of named) expect(ALT_SKILL_LABELS.map(([, , g]) => g)).toContain(label);
  });
});
