import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare } from './compare';
import { DEFAULT_POLICY } from './policy';
import { ComparisonRegimeSchema } from './regime';
import type { ComparisonRegime } from './types';

const tag = (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const WORDS = ['wound', 'dressing', 'medication', 'hygiene', 'documentation', 'mobility', 'nutrition', 'palliative'];

/** A small file: one unit per entry, each outcome with its own words and ESCO tags. */
function file(key: string, over: Record<string, unknown> = {}, units = [[1, 2, 3], [4, 5, 6], [7, 8]]): QualificationFile {
  return QualificationFileSchema.parse({
    key,
    jurisdiction: 'NL',
    kind: 'VOCATIONAL',
    title: { en: key },
    framework: 'EQF',
    nationalLevel: '4',
    eqfLevel: 4,
    durationMonths: 36,
    workload: { hoursTotal: 4600, hoursTheory: 2100, hoursPractice: 2500, routes: [] },
    sources: [{ url: 'https://example.org/test' }],
    units: units.map((tags, u) => ({
      key: `u${u}`,
      kind: 'MODULE',
      title: { en: `Unit ${u}` },
      hours: 400,
      outcomes: [{ key: `u${u}-o`, text: `Performs ${WORDS[u]} care`, lang: 'en', dimension: 'SKILLS', escoSkills: tags.map(tag) }],
    })),
    ...over,
  });
}

const GENERAL: ComparisonRegime = { kind: 'GENERAL_SYSTEM', legalBasis: 'Directive 2005/36/EC Art. 13, 14', ruleKey: 'dir-2005-36-general-system' };

describe('level (Directive 2005/36/EC Art. 11, 13 as amended by Directive 2013/55/EU)', () => {
  const reference = file('ref', { eqfLevel: 6 });

  it('an EQF gap alone, however large, never gives NONE, a refusal reason or a substantial difference', () => {
    for (const level of [5, 4, 3, 2, 1]) {
      for (const regime of [undefined, GENERAL]) {
        const r = compare(file('holder', { eqfLevel: level }), reference, DEFAULT_POLICY, [], [], { regime });
        expect({ level, verdict: r.verdict, reasons: r.reasons }).toEqual({ level, verdict: 'FULL', reasons: [] });
        expect(r.level.eqfGap).toBe(6 - level);
        expect(r.differences.find((d) => d.kind === 'LEVEL')).toMatchObject({ substantial: false });
        expect(r.explanation.map((e) => e.rule)).toContain('LEVEL_GAP_REPORTED');
      }
    }
  });

  it('a stored policy that still has maxLevelGap parses and changes nothing', () => {
    const policy = { ...DEFAULT_POLICY, params: { ...DEFAULT_POLICY.params, maxLevelGap: 0 } };
    expect(compare(file('holder', { eqfLevel: 3 }), reference, policy).verdict).toBe('FULL');
  });

  it('Art. 13(4): an Art. 11(a) holder against an Art. 11(e) requirement may be refused', () => {
    const ref = file('ref', { art11Level: 'e' });
    const r = compare(file('holder', { art11Level: 'a' }), ref, DEFAULT_POLICY, [], [], { regime: GENERAL });
    expect(r.level).toMatchObject({ art11Gap: 4, art13_4: true });
    expect(r.verdict).toBe('NONE');
    expect(r.reasons.join(' ')).toMatch(/Art\. 13\(4\)/);
    expect(r.explanation.find((e) => e.rule === 'ART13_4_REFUSAL_PERMITTED')!.legalBasis).toMatch(/Art\. 13\(4\)/);
    // Any other Art. 11 pair is no ground for refusal, nor is Art. 13(4) one outside the general system.
    expect(compare(file('holder', { art11Level: 'b' }), ref, DEFAULT_POLICY, [], [], { regime: GENERAL }).verdict).toBe('FULL');
    expect(compare(file('holder', { art11Level: 'a' }), file('ref', { art11Level: 'd' }), DEFAULT_POLICY, [], [], { regime: GENERAL }).verdict).toBe('FULL');
    expect(compare(file('holder', { art11Level: 'a' }), ref, DEFAULT_POLICY, [], [], { regime: { kind: 'NOT_REGULATED', legalBasis: 'none' } }).verdict).toBe('FULL');
  });
});

describe('legal regime', () => {
  const reference = file('ref');
  const holder = file('holder', {}, [[1, 2, 3], [90], [91]]); // units u1 and u2 not shown: other skills, other words
  holder.units[1].outcomes[0].text = 'Tunes xylophones';
  holder.units[2].outcomes[0].text = 'Paints yachts';

  it('without a regime the content comparison decides and proposes compensation', () => {
    const r = compare(holder, reference, DEFAULT_POLICY);
    expect(r.regime).toEqual({ kind: 'UNSPECIFIED', legalBasis: null, ruleKey: null, contentComparison: 'DECISIVE' });
    expect(r.verdict).toBe('PARTIAL');
    expect(r.compensation).not.toBeNull();
  });

  it('automatic recognition returns its result with its legal basis; the content comparison is informational, with no compensation', () => {
    const regime: ComparisonRegime = { kind: 'SECTORAL_AUTOMATIC', legalBasis: 'Directive 2005/36/EC Art. 21, 31; Annex V', ruleKey: 'dir-2005-36-nurse-general-care-nl-de' };
    const r = compare(holder, reference, DEFAULT_POLICY, [], [], { regime });
    expect(r.verdict).toBe('FULL');
    expect(r.regime).toEqual({ kind: 'SECTORAL_AUTOMATIC', legalBasis: regime.legalBasis, ruleKey: regime.ruleKey, contentComparison: 'INFORMATIONAL' });
    expect(r.compensation).toBeNull();
    expect(r.differences.map((d) => d.id)).toEqual(expect.arrayContaining(['UNIT:u1', 'UNIT:u2']));
    expect(r.explanation.find((e) => e.rule === 'VERDICT_AUTOMATIC')).toMatchObject({ legalBasis: regime.legalBasis });
    expect(r.sensitivity.robust).toBe(true);
    // The regime is an input: another regime gives another stored report.
    expect(r.inputHash).not.toBe(compare(holder, reference, DEFAULT_POLICY).inputHash);
  });

  it('states who chooses the measure: the applicant under the general system (Art. 14(2)); nobody outside regulated professions', () => {
    expect(compare(holder, reference, DEFAULT_POLICY, [], [], { regime: GENERAL }).compensation!.choice).toMatch(/^Art\. 14\(2\): the applicant chooses/);
    expect(compare(holder, reference, DEFAULT_POLICY, [], [], { regime: { kind: 'NOT_REGULATED', legalBasis: 'Lisbon Recognition Convention' } }).compensation!.choice).toMatch(/Art\. 14 does not apply/);
  });

  it('validates what callers pass', () => {
    expect(ComparisonRegimeSchema.safeParse({ kind: 'GENERAL_SYSTEM', legalBasis: 'x' }).success).toBe(true);
    expect(ComparisonRegimeSchema.safeParse({ kind: 'SOMETHING', legalBasis: 'x' }).success).toBe(false);
    expect(ComparisonRegimeSchema.safeParse({ kind: 'GENERAL_SYSTEM', legalBasis: '' }).success).toBe(false);
  });
});

describe('training minimums (Art. 31(3); PflAPrV §1)', () => {
  const nurseRef = (jurisdiction: string, profession: string) => file('ref', { jurisdiction, professions: [profession] });

  it('compares duration, theory and practice (clinical) hours with Art. 31(3) and, for a German reference, PflAPrV §1', () => {
    const holder = file('holder', { workload: { hoursTotal: 4600, hoursTheory: 2000, hoursPractice: 2200, routes: [] } });
    const nl = compare(holder, nurseRef('NL', 'nurse-general-care'), DEFAULT_POLICY, [], [], { regime: GENERAL });
    expect(nl.training.minimums).toEqual(['ART31_3_NURSE']);
    const practice = nl.training.checks.find((c) => c.item === 'HOURS_PRACTICE')!;
    expect(practice).toMatchObject({ required: 2300, holder: 2200, met: false, shortfallHours: 100 });
    expect(nl.training.checks.find((c) => c.item === 'HOURS_THEORY')).toMatchObject({ required: 1534, met: true });
    expect(nl.differences.find((d) => d.id === 'TRAINING:ART31_3_NURSE:HOURS_PRACTICE')).toMatchObject({ substantial: true, missingHours: 100 });
    expect(nl.verdict).toBe('PARTIAL');

    const de = compare(holder, nurseRef('DE', 'pflegefachperson'), DEFAULT_POLICY, [], [], { regime: GENERAL });
    expect(de.training.minimums).toEqual(['ART31_3_NURSE', 'PFLAPRV_1']);
    expect(de.training.checks.filter((c) => c.minimum === 'PFLAPRV_1').map((c) => [c.item, c.required, c.met])).toEqual([
      ['HOURS_THEORY', 2100, false],
      ['HOURS_PRACTICE', 2500, false],
    ]);
  });

  it('under sectoral automatic recognition a shortfall asks for documents and is no substantial difference', () => {
    const holder = file('holder', { durationMonths: 30 });
    const r = compare(holder, nurseRef('NL', 'nurse-general-care'), DEFAULT_POLICY, [], [], { regime: { kind: 'SECTORAL_AUTOMATIC', legalBasis: 'Annex V' } });
    expect(r.training.checks.find((c) => c.item === 'DURATION_MONTHS')).toMatchObject({ met: false, shortfallHours: 6 * 140 });
    expect(r.differences.find((d) => d.kind === 'TRAINING')).toMatchObject({ substantial: false });
    expect(r.documentsNeeded.map((d) => d.code)).toContain('HOLDER_DURATION_MONTHS_ART31_3_NURSE');
    expect(r.verdict).toBe('FULL');
  });

  it('no minimums outside regulated professions', () => {
    const r = compare(file('holder'), nurseRef('NL', 'nurse-general-care'), DEFAULT_POLICY, [], [], { regime: { kind: 'NOT_REGULATED', legalBasis: 'x' } });
    expect(r.training.checks).toEqual([]);
  });
});

describe('workload units and documents needed', () => {
  it('unknown hours and duration become "documents needed" items, never a silent skip', () => {
    const holder = file('holder', { durationMonths: undefined, workload: { routes: [] } });
    holder.units.forEach((u) => delete u.hours);
    const r = compare(holder, file('ref', { professions: ['nurse-general-care'] }), DEFAULT_POLICY);
    const codes = r.documentsNeeded.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['HOLDER_HOURS', 'HOLDER_DURATION', 'HOLDER_HOURS_THEORY', 'HOLDER_HOURS_PRACTICE']));
    expect(r.documentsNeeded.find((d) => d.code === 'HOLDER_HOURS')!.message).toMatch(/^Documents needed: the training hours of the holder/);
    expect(r.training.checks.every((c) => c.met === null)).toBe(true);
    // Nothing unknown, nothing asked for.
    expect(compare(file('holder'), file('ref'), DEFAULT_POLICY).documentsNeeded).toEqual([]);
  });

  it('converts ECTS (25–30 h a credit, 60 a year) and ECVET (60 points a year) with their sources', () => {
    const ects = compare(file('holder', { durationMonths: undefined, workload: { ects: 180, routes: [] } }), file('ref'), DEFAULT_POLICY);
    expect(ects.workload.holder).toMatchObject({ hours: 4950, hoursSource: 'ECTS', hoursRange: { min: 4500, max: 5400 }, durationMonths: 36, durationSource: 'ECTS' });
    expect(ects.workload.holder.conversions.join(' ')).toMatch(/ECTS Users' Guide 2015/);
    expect(ects.documentsNeeded).toEqual([]);
    const holder = file('holder', { durationMonths: undefined, workload: { ecvet: 120, routes: [] } });
    holder.units.forEach((u) => delete u.hours);
    const ecvet = compare(holder, file('ref'), DEFAULT_POLICY);
    expect(ecvet.workload.holder).toMatchObject({ hours: 2 * 12 * 140, hoursSource: 'ECVET', durationMonths: 24, durationSource: 'ECVET' });
    expect(ecvet.workload.holder.conversions.join(' ')).toMatch(/2009\/C 155\/02/);
    expect(ecvet.differences.map((d) => d.id)).toEqual(expect.arrayContaining(['DURATION', 'WORKLOAD']));
  });
});
