import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare, DEFAULT_POLICY, PolicyParamsSchema } from '.';

const load = (key: string): QualificationFile =>
  QualificationFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../seeds/qualifications', `${key}.json`), 'utf8')));

const VIG = load('nl-mbo-25656-verzorgende-ig');
const ALTPFL = load('de-altpflg-altenpfleger');
const SWDEV = load('nl-mbo-software-developer');
const FIAE = load('de-fiausbv-fachinformatiker-anwendungsentwicklung');

describe('acceptance on the seeded case qualifications', () => {
  describe('Verzorgende-IG (NL) against Altenpfleger/in (DE)', () => {
    const report = compare(VIG, ALTPFL, DEFAULT_POLICY);

    it('is PARTIAL, never FULL', () => {
      expect(report.verdict).toBe('PARTIAL');
      expect(report.reasons).toEqual([]);
    });

    it('names the EQF 3 against 4 level gap and the responsibility & autonomy dimension among the differences', () => {
      expect(report.level).toMatchObject({ eqfGap: 1, holder: { eqfLevel: 3 }, reference: { eqfLevel: 4 } });
      const level = report.differences.find((d) => d.kind === 'LEVEL');
      expect(level).toMatchObject({ substantial: true, compensated: false });
      const ra = report.differences.find((d) => d.kind === 'DIMENSION' && d.dimension === 'RESPONSIBILITY_AUTONOMY');
      expect(ra).toMatchObject({ substantial: true });
      expect(ra!.missing.map((m) => m.outcomeKey)).toEqual(expect.arrayContaining(['praxis-o4', 'praxis-o5']));
      expect(report.explanation.map((e) => e.rule)).toEqual(expect.arrayContaining(['LEVEL_GAP_WITHIN_ART13', 'DIMENSION_BELOW_THRESHOLD']));
    });

    it('suggests compensation: an adaptation period from the reference unit hours and aptitude-test topics', () => {
      expect(report.compensation).not.toBeNull();
      const period = report.compensation!.adaptationPeriod!;
      expect(period.months).toBeGreaterThan(0);
      expect(period.months).toBeLessThanOrEqual(36);
      expect(period.estimate).toMatch(/2100 h/);
      expect(report.compensation!.aptitudeTestTopics[0]).toMatch(/Responsibility and autonomy at EQF level 4/);
      expect(report.compensation!.aptitudeTestTopics.length).toBeGreaterThan(1);
    });

    it('cross-language matching runs on ESCO tags only (no lexical evidence between nl and de)', () => {
      const kinds = new Set(report.units.flatMap((u) => u.outcomes.flatMap((o) => o.matches.map((m) => m.evidence))));
      expect([...kinds]).toEqual(['SHARED_ESCO']);
    });

    it('speaks German and Dutch', () => {
      const de = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'de' });
      expect(de.differences[0].message).toMatch(/Niveauunterschied/);
      expect(de.compensation!.aptitudeTestTopics[0]).toMatch(/Verantwortung und Selbstständigkeit/);
      const nl = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'nl' });
      expect(nl.differences[0].message).toMatch(/Niveauverschil/);
      expect(nl.units[0].title).toBe('Theoretisch en praktisch onderwijs');
    });

    it('expert mappings come first and a rejection blocks an automatic match', () => {
      const holder = { qualificationKey: VIG.key, unitKey: 'kt1', outcomeKey: 'kt1-o4' };
      const reference = { qualificationKey: ALTPFL.key, unitKey: 'praxis', outcomeKey: 'praxis-o4' };
      const asserted = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [{ holder, reference, status: 'ASSERTED', note: 'checked' }]);
      const o4 = asserted.units[1].outcomes.find((o) => o.outcomeKey === 'praxis-o4')!;
      expect(o4).toMatchObject({ coverage: 1, covered: true });
      expect(o4.matches[0]).toMatchObject({ evidence: 'EXPERT_MAPPING', holderOutcomeKey: 'kt1-o4', score: 1, note: 'checked' });

      const blockedRef = { qualificationKey: ALTPFL.key, unitKey: 'praxis', outcomeKey: 'praxis-o2' };
      const base = compare(VIG, ALTPFL, DEFAULT_POLICY).units[1].outcomes.find((o) => o.outcomeKey === 'praxis-o2')!;
      expect(base.matches.map((m) => m.holderOutcomeKey)).toContain('kt1-o3');
      const rejected = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [{ holder: { ...holder, outcomeKey: 'kt1-o3' }, reference: blockedRef, status: 'REJECTED' }]);
      const o2 = rejected.units[1].outcomes.find((o) => o.outcomeKey === 'praxis-o2')!;
      expect(o2.matches.map((m) => m.holderOutcomeKey)).not.toContain('kt1-o3');
      expect(o2.rejected).toEqual([{ holderUnitKey: 'kt1', holderOutcomeKey: 'kt1-o3' }]);
      expect(o2.coverage).toBeLessThan(base.coverage);
    });
  });

  describe('Software developer (NL) against Fachinformatiker/in Anwendungsentwicklung (DE)', () => {
    const report = compare(SWDEV, FIAE, DEFAULT_POLICY);
    const unit = (key: string) => report.units.find((u) => u.unitKey === key)!;

    it('covers the software-development exam parts highly and names the differences', () => {
      expect(report.level.eqfGap).toBe(0);
      expect(unit('ap2-projekt').coverage).toBeGreaterThanOrEqual(0.85);
      expect(unit('ap2-planung').coverage).toBe(1);
      expect(unit('ap2-algorithmen').coverage).toBeGreaterThanOrEqual(0.6);
      expect(report.coverage.overall).toBeGreaterThan(0.5);
      // The NL file shows nothing on setting up an IT workplace or on economics and social studies.
      expect(report.differences.filter((d) => d.kind === 'UNIT').map((d) => d.unitKey)).toEqual(['ap1', 'ap2-wiso']);
      for (const d of report.differences) expect(d.message.length).toBeGreaterThan(20);
      expect(report.verdict).toBe('PARTIAL');
    });

    it('is FULL under a policy that marks only the software-development parts essential', () => {
      const policy = {
        ...DEFAULT_POLICY,
        id: 'test-policy',
        params: PolicyParamsSchema.parse({ essentialUnits: [{ reference: FIAE.key, profession: 'fachinformatiker-anwendungsentwicklung', units: ['ap2-projekt', 'ap2-planung', 'ap2-algorithmen'] }] }),
      };
      const r = compare(SWDEV, FIAE, policy);
      expect(r.coverage.essential).toBeGreaterThan(0.85);
      expect(r.verdict).toBe('FULL');
      expect(r.differences.every((d) => !d.substantial)).toBe(true);
      expect(r.explanation.map((e) => e.rule)).toContain('ESSENTIAL_UNITS_FROM_POLICY');
    });
  });

  it('gives NONE for unrelated occupations (coverage below the floor), with reasons', () => {
    const r = compare(VIG, FIAE, DEFAULT_POLICY);
    expect(r.verdict).toBe('NONE');
    expect(r.reasons.join(' ')).toMatch(/floor/);
    expect(r.compensation).toBeNull();
  });
});
