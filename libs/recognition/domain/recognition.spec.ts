import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../platform/project-root';
import { advise, planRoute } from './advise';
import { MESSAGE_CODES, msg } from './messages';
import { evaluateRules, registryEntryFor, type QualificationFacts, type RuleQuery, type StoredRule } from './rules';
import { RecognitionRuleSchema, RegulatedProfessionSchema, type RecognitionRule } from './schemas';

const seedFile = (name: string) => JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'recognition', name), 'utf8'));
const RULE_DOCS = z.array(RecognitionRuleSchema).parse(seedFile('rules.json'));
const REGISTRY = z.array(RegulatedProfessionSchema).parse(seedFile('regulated-professions.json'));
const stored = (d: RecognitionRule, over: Partial<StoredRule> = {}): StoredRule => ({ id: `id-${d.key}`, key: d.key, version: 1, status: 'APPROVED', retiredOn: null, document: d, ...over });
const RULES = RULE_DOCS.map((d) => stored(d));
const doc = (key: string) => RULE_DOCS.find((d) => d.key === key)!;

const BACHELOR: QualificationFacts = { key: 'nl-hbo-v-bachelor-nursing', jurisdiction: 'NL', kind: 'HIGHER_EDUCATION', eqfLevel: 6, professions: ['verpleegkundige'] };
const ASSOCIATE: QualificationFacts = { key: 'nl-ad-test', jurisdiction: 'NL', kind: 'HIGHER_EDUCATION', eqfLevel: 5, professions: [] };
const VERPLEEGKUNDIGE: QualificationFacts = { key: 'nl-mbo-verpleegkundige', jurisdiction: 'NL', kind: 'VOCATIONAL', eqfLevel: 4, professions: ['verpleegkundige'] };
const VIG: QualificationFacts = { key: 'nl-mbo-25656-verzorgende-ig', jurisdiction: 'NL', kind: 'VOCATIONAL', eqfLevel: 3, professions: ['verzorgende-ig'] };
const SWD: QualificationFacts = { key: 'nl-mbo-software-developer', jurisdiction: 'NL', kind: 'VOCATIONAL', eqfLevel: 4, professions: ['software-developer'] };

const q = (qualification: QualificationFacts, destination: string, asOf: string, extra: Partial<RuleQuery> = {}): RuleQuery => ({ qualification, destination, asOf, purpose: 'WORK', ...extra });
const applied = (query: RuleQuery, rules = RULES) => evaluateRules(rules, query).filter((e) => e.applies).map((e) => e.rule.key);
/** Only the level-recognition rules (the general system applies to any cross-border WORK case). */
const levelRules = (query: RuleQuery) =>
  evaluateRules(RULES, query).filter((e) => e.rule.document.effect === 'AUTOMATIC_LEVEL_RECOGNITION');

describe('seeded rules and registry', () => {
  it('carry sources, and every unknown effective date is explained in the notes', () => {
    expect(RULE_DOCS.map((d) => d.key).sort()).toEqual([
      'benelux-m-2015-3',
      'benelux-m-2018-1',
      'dir-2005-36-general-system',
      'dir-2005-36-nurse-general-care-nl-de',
      'nl-nrw-school-list-2010',
      'treaty-2021-higher-education',
    ]);
    expect(doc('benelux-m-2015-3')).toMatchObject({ validFrom: '2015-05-18', instrument: { signed: '2015-05-18' } });
    expect(doc('benelux-m-2018-1')).toMatchObject({ validFrom: '2018-01-25', scope: { eqfLevels: [5, 8] } });
    expect(doc('benelux-m-2018-1').notes).toMatch(/signing date/);
    expect(doc('treaty-2021-higher-education')).toMatchObject({ validFrom: '2024-05-01', instrument: { signed: '2021-09-14' }, parties: ['BE', 'NL', 'LU', 'EE', 'LV', 'LT'] });
    for (const d of RULE_DOCS) if (!d.validFrom) expect(d.notes).toMatch(/validFrom is empty/);
  });

  it('refuses a rule without a source, with origins outside its parties, or ending before it starts', () => {
    const base = doc('benelux-m-2015-3');
    const r = RecognitionRuleSchema.safeParse({ ...base, sources: [], origins: ['DE'], validUntil: '2000-01-01' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sources', 'origins.0', 'validUntil']));
    expect(RecognitionRuleSchema.safeParse({ ...base, validFrom: '2015-02-30' }).success).toBe(false);
  });

  it('finds the most specific registry entry (DE-NW before DE) and none for an unknown profession', () => {
    expect(registryEntryFor(REGISTRY, 'altenpfleger', 'DE-NW', '2025-01-01')?.competentAuthority?.name).toMatch(/Bezirksregierung Münster/);
    expect(registryEntryFor(REGISTRY, 'altenpfleger', 'DE-NI', '2025-01-01')?.competentAuthority?.name).toMatch(/Lüneburg/);
    const federal = registryEntryFor(REGISTRY, 'altenpfleger', 'DE-BY', '2025-01-01');
    expect(federal?.jurisdiction).toBe('DE');
    expect(federal?.competentAuthority).toBeUndefined();
    expect(registryEntryFor(REGISTRY, 'altenpfleger', 'NL', '2025-01-01')).toBeNull();
    const bounded = { ...REGISTRY[0], validFrom: '2020-01-01', validUntil: '2020-12-31' };
    expect(registryEntryFor([bounded], bounded.profession, 'DE', '2021-01-01')).toBeNull();
    expect(registryEntryFor([bounded], bounded.profession, 'DE', '2020-06-01')).toBe(bounded);
  });
});

describe('rule evaluation', () => {
  it('NL bachelor (EQF 6) into BE-VLG on 2016-01-01: automatic level recognition under M (2015) 3 only', () => {
    expect(applied(q(BACHELOR, 'BE-VLG', '2016-01-01', { purpose: 'STUDY' }))).toEqual(['benelux-m-2015-3']);
    // Before the decision: nothing.
    expect(applied(q(BACHELOR, 'BE-VLG', '2015-05-17', { purpose: 'STUDY' }))).toEqual([]);
    // A vocational EQF 6 qualification is not a bachelor degree.
    expect(applied(q({ ...BACHELOR, kind: 'VOCATIONAL' }, 'BE-VLG', '2016-01-01', { purpose: 'STUDY' }))).toEqual([]);
  });

  it('NL associate degree (EQF 5) into BE-VLG: not automatic on 2017-06-01, automatic once M (2018) 1 applies', () => {
    const before = levelRules(q(ASSOCIATE, 'BE-VLG', '2017-06-01'));
    expect(before.filter((e) => e.applies)).toEqual([]);
    expect(applied(q(ASSOCIATE, 'BE-VLG', '2017-06-01', { purpose: 'STUDY' }))).toEqual([]);
    expect(before.find((e) => e.rule.key === 'benelux-m-2018-1')!.reasons).toEqual(['NOT_YET_IN_FORCE']);
    expect(before.find((e) => e.rule.key === 'benelux-m-2015-3')!.reasons).toEqual(['LEVEL_NOT_COVERED']);
    const study = (asOf: string) => q(ASSOCIATE, 'BE-VLG', asOf, { purpose: 'STUDY' });
    expect(applied(study('2018-01-25'))).toEqual(['benelux-m-2018-1']);
    expect(applied(study('2018-06-01'))).toEqual(['benelux-m-2018-1']);
    // From 1 May 2024 the treaty applies as well.
    expect(applied(study('2024-05-01'))).toEqual(['benelux-m-2018-1', 'treaty-2021-higher-education']);
    expect(applied(study('2024-04-30'))).toEqual(['benelux-m-2018-1']);
    // For WORK the general system is there too, next to the level rule.
    expect(applied(q(ASSOCIATE, 'BE-VLG', '2018-06-01'))).toEqual(['benelux-m-2018-1', 'dir-2005-36-general-system']);
  });

  it('does not apply within one state, or towards a non-party', () => {
    const inState = evaluateRules(RULES, q(BACHELOR, 'NL', '2020-01-01')).find((e) => e.rule.key === 'benelux-m-2015-3')!;
    expect(inState).toMatchObject({ applies: false, reasons: ['SAME_STATE'] });
    const de = evaluateRules(RULES, q(BACHELOR, 'DE', '2020-01-01')).find((e) => e.rule.key === 'benelux-m-2015-3')!;
    expect(de.reasons).toEqual(['DESTINATION_NOT_COVERED']);
  });

  it('the sectoral nurse rule covers only the listed Dutch qualifications, towards DE, for the named professions', () => {
    expect(applied(q(VERPLEEGKUNDIGE, 'DE', '2025-01-01', { profession: 'pflegefachperson' }))).toContain('dir-2005-36-nurse-general-care-nl-de');
    expect(applied(q(VERPLEEGKUNDIGE, 'DE-NW', '2025-01-01', { profession: 'pflegefachperson' }))).toContain('dir-2005-36-nurse-general-care-nl-de');
    const vig = evaluateRules(RULES, q(VIG, 'DE', '2025-01-01', { profession: 'pflegefachperson' })).find((e) => e.rule.key === 'dir-2005-36-nurse-general-care-nl-de')!;
    expect(vig.reasons).toEqual(['QUALIFICATION_NOT_LISTED']);
    const noProf = evaluateRules(RULES, q(VERPLEEGKUNDIGE, 'DE', '2025-01-01')).find((e) => e.rule.key === 'dir-2005-36-nurse-general-care-nl-de')!;
    expect(noProf.reasons).toEqual(['PROFESSION_NOT_COVERED']);
  });

  it('an empty equivalence list covers nothing', () => {
    const school: QualificationFacts = { key: 'nl-havo', jurisdiction: 'NL', kind: 'SCHOOL', eqfLevel: 4, professions: [] };
    const e = evaluateRules(RULES, q(school, 'DE-NW', '2020-01-01')).find((x) => x.rule.key === 'nl-nrw-school-list-2010')!;
    expect(e.reasons).toEqual(['QUALIFICATION_NOT_LISTED']);
  });

  it('drafts never apply; a retired rule applies before its retirement date and not from it on', () => {
    const m2015 = doc('benelux-m-2015-3');
    const query = (asOf: string) => q(BACHELOR, 'BE-VLG', asOf);
    expect(applied(query('2016-01-01'), [stored(m2015, { status: 'DRAFT' })])).toEqual([]);
    const retired = [stored(m2015, { status: 'RETIRED', retiredOn: '2020-01-01' })];
    expect(applied(query('2019-12-31'), retired)).toEqual(['benelux-m-2015-3']);
    expect(evaluateRules(retired, query('2020-01-01'))[0]).toMatchObject({ applies: false, reasons: ['RETIRED'] });
    expect(evaluateRules(retired, query('2023-01-01'))[0]).toMatchObject({ applies: false, reasons: ['RETIRED'] });
  });

  it('uses the version in force on asOf: the highest version whose window covers it', () => {
    const m2015 = doc('benelux-m-2015-3');
    const v1 = stored(m2015, { id: 'v1', status: 'RETIRED', retiredOn: '2022-01-01' });
    const v2 = stored({ ...m2015, validFrom: '2022-01-01', scope: { eqfLevels: [6], kinds: ['HIGHER_EDUCATION'] } }, { id: 'v2', version: 2 });
    const v3 = stored({ ...m2015, scope: {} }, { id: 'v3', version: 3, status: 'DRAFT' });
    const master: QualificationFacts = { ...BACHELOR, eqfLevel: 7 };
    expect(evaluateRules([v1, v2, v3], q(master, 'BE-VLG', '2021-01-01'))[0]).toMatchObject({ applies: true, rule: { id: 'v1' } });
    expect(evaluateRules([v1, v2, v3], q(master, 'BE-VLG', '2023-01-01'))[0]).toMatchObject({ applies: false, rule: { id: 'v2' }, reasons: ['LEVEL_NOT_COVERED'] });
  });
});

describe('route advisor', () => {
  const base = { rules: RULES, registry: REGISTRY, lang: 'en' as const };

  it('level recognition into BE-VLG cites the rule and says it is level only', () => {
    const a = advise({ ...base, query: q(BACHELOR, 'BE-VLG', '2016-01-01', { purpose: 'STUDY' }) });
    expect(a).toMatchObject({ route: 'AUTOMATIC_LEVEL_RECOGNITION', expectedOutcome: { verdict: 'FULL', binding: true, basis: 'RULE', citation: { kind: 'RULE', id: 'id-benelux-m-2015-3' } } });
    expect(a.summary).toMatch(/Benelux Decision M \(2015\) 3/);
    expect(a.summary).toMatch(/neither programme content nor professional recognition/);
    const before = advise({ ...base, query: q(ASSOCIATE, 'BE-VLG', '2017-06-01', { purpose: 'STUDY' }) });
    expect(before).toMatchObject({ route: 'INDIVIDUAL_ASSESSMENT', appliedRules: [], expectedOutcome: { basis: 'NONE', verdict: null } });
    expect(before.consideredRules.find((r) => r.key === 'benelux-m-2018-1')!.reasons).toEqual(['NOT_YET_IN_FORCE']);
  });

  it('Verpleegkundige → DE as Pflegefachfrau/-mann: automatic professional recognition, no comparison needed', () => {
    const query = q(VERPLEEGKUNDIGE, 'DE', '2025-01-01', { profession: 'pflegefachperson' });
    expect(planRoute(query, RULES, REGISTRY).needsComparison).toBe(false);
    const a = advise({ ...base, query });
    expect(a).toMatchObject({ route: 'AUTOMATIC_PROFESSIONAL_RECOGNITION', regulated: true, regime: 'SECTORAL_AUTOMATIC', expectedOutcome: { verdict: 'FULL', basis: 'RULE', binding: true } });
    expect(a.appliedRules.map((r) => r.key)).toEqual(['dir-2005-36-nurse-general-care-nl-de']);
    expect(a.caveats.join(' ')).toMatch(/competent authority is not in the sources/);
  });

  it('an unlisted qualification for a sectoral profession falls back to the general system', () => {
    const p = planRoute(q(VIG, 'DE', '2025-01-01', { profession: 'pflegefachperson' }), RULES, REGISTRY);
    expect(p).toMatchObject({ route: 'GENERAL_SYSTEM', sectoralNotListed: true, needsComparison: true });
  });

  const comparison = { id: 'cmp-1', verdict: 'PARTIAL' as const, adaptationMonths: 14, aptitudeTestTopics: ['Verantwortung und Selbstständigkeit'], createdAt: '2025-01-01T10:00:00Z' };
  const reference = { id: 'ref-1', key: 'de-altpflg-altenpfleger', title: 'Altenpfleger/in' };

  it('Verzorgende-IG → DE-NW as Altenpfleger/in: general system, Bezirksregierung Münster, partial with compensation citing the comparison (non-binding)', () => {
    const a = advise({ ...base, lang: 'de', query: q(VIG, 'DE-NW', '2025-01-01', { profession: 'altenpfleger' }), reference, comparison });
    expect(a).toMatchObject({ route: 'GENERAL_SYSTEM', regulated: true, competentAuthority: { name: expect.stringMatching(/Bezirksregierung Münster/) } });
    expect(a.expectedOutcome).toMatchObject({ verdict: 'PARTIAL', binding: false, basis: 'COMPARISON', citation: { kind: 'COMPARISON', id: 'cmp-1', binding: false } });
    expect(a.expectedOutcome.summary).toMatch(/Unverbindlich/);
    expect(a.expectedOutcome.compensation[0]).toMatch(/Anpassungslehrgang von etwa 14 Monaten/);
    expect(a.expectedOutcome.compensation.join(' ')).toMatch(/Eignungsprüfung zu: Verantwortung und Selbstständigkeit/);
    expect(a.appliedRules.map((r) => r.key)).toEqual(['dir-2005-36-general-system']);
    expect(a.steps[0]).toMatch(/ZAG-PuG/);
  });

  it("the comparison's choice statement (Art. 14(2)) and documents needed reach the advice; the generic statement without them", () => {
    const choice = 'Art. 14(2): the applicant chooses between the adaptation period (at most 3 years) and the aptitude test.';
    const doc = 'Reference: the hours of these units are not stated: Pflege';
    const query = q(VIG, 'DE-NW', '2025-01-01', { profession: 'altenpfleger' });
    const withBoth = advise({ ...base, query, reference, comparison: { ...comparison, choice, documentsNeeded: [doc] } });
    expect(withBoth.expectedOutcome.compensation.at(-1)).toBe(choice);
    expect(withBoth.documents).toContain(doc);
    const plain = advise({ ...base, query, reference, comparison });
    expect(plain.expectedOutcome.compensation.at(-1)).toMatch(/normally chooses/);
    expect(plain.documents).not.toContain(doc);
    // Not regulated: the comparison is information only, so neither its measures nor its documents are asked for.
    const informational = advise({ ...base, query: q(SWD, 'DE', '2025-01-01', { profession: 'software-developer' }), reference, comparison: { ...comparison, choice, documentsNeeded: [doc] } });
    expect(informational.expectedOutcome.compensation).toEqual([]);
    expect(informational.documents).not.toContain(doc);
  });

  it('a published decision takes precedence over the comparison and is binding', () => {
    const decision = {
      id: 'dec-1',
      verdict: 'PARTIAL' as const,
      rationale: 'Level gap and autonomy.',
      compensation: ['Anpassungslehrgang 12 Monate'],
      destinationJurisdiction: 'DE',
      publishedAt: '2025-02-01T00:00:00Z',
      holderTitle: 'Verzorgende-IG',
      referenceTitle: 'Altenpfleger/in',
    };
    const a = advise({ ...base, query: q(VIG, 'DE-NW', '2025-03-01', { profession: 'altenpfleger' }), reference, comparison, decision });
    expect(a.expectedOutcome).toMatchObject({ verdict: 'PARTIAL', binding: true, basis: 'DECISION', citation: { kind: 'DECISION', id: 'dec-1' } });
    expect(a.expectedOutcome.compensation[0]).toBe('Anpassungslehrgang 12 Monate');
    // Cited by title and date, once, never by id.
    expect(a.expectedOutcome.citation!.label).toBe('“Verzorgende-IG compared with Altenpfleger/in (DE)” of 2025-02-01');
    expect(a.expectedOutcome.summary).toBe('Expected outcome: partial equivalence, based on the published expert decision “Verzorgende-IG compared with Altenpfleger/in (DE)” of 2025-02-01.');
    expect(a.expectedOutcome.summary).not.toContain('dec-1');
  });

  it('Software developer → DE: not regulated, the employer decides, the comparison is information only', () => {
    const a = advise({ ...base, query: q(SWD, 'DE', '2025-01-01', { profession: 'software-developer' }), reference: { id: 'r', key: 'de-fiausbv', title: 'Fachinformatiker/in' }, comparison: { ...comparison, verdict: 'PARTIAL' } });
    expect(a).toMatchObject({ route: 'NOT_REGULATED', regulated: false, regime: 'NOT_REGULATED', expectedOutcome: { binding: false, basis: 'COMPARISON', compensation: [] } });
    expect(a.summary).toMatch(/employer decides/);
    expect(a.information.join(' ')).toMatch(/comparison with Fachinformatiker\/in of 2025-01-01: partial equivalence \(non-binding/);
    expect(a.information.join(' ')).not.toContain('cmp-1');
  });

  it('an unknown profession gives UNKNOWN_REGULATION, not a guess', () => {
    expect(advise({ ...base, query: q(SWD, 'BE-VLG', '2025-01-01', { profession: 'software-developer' }) }).route).toBe('UNKNOWN_REGULATION');
  });

  it('answers in nl, de and en; every message exists in all three', () => {
    for (const code of MESSAGE_CODES) for (const lang of ['nl', 'de', 'en'] as const) expect(msg(lang, code).length).toBeGreaterThan(0);
    const query = q(SWD, 'DE', '2025-01-01', { profession: 'software-developer' });
    const texts = (['nl', 'de', 'en'] as const).map((lang) => advise({ ...base, lang, query }).summary);
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toMatch(/werkgever beslist/);
    expect(texts[1]).toMatch(/Arbeitgeber entscheidet/);
  });
});
