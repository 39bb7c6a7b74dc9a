import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare, DEFAULT_POLICY, PolicyParamsSchema } from '.';

/** The same file with every hand-placed ESCO tag removed. */
const untagged = (f: QualificationFile): QualificationFile => ({ ...f, units: f.units.map((u) => ({ ...u, outcomes: u.outcomes.map((o) => ({ ...o, escoSkills: [] })) })) });

const load = (key: string): QualificationFile =>
  QualificationFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../seeds/qualifications', `${key}.json`), 'utf8')));

const VIG = load('nl-mbo-25656-verzorgende-ig');
const ALTPFL = load('de-altpflg-altenpfleger');
const PFLBG_ALTPFL = load('de-pflbg-altenpfleger');
const SWDEV = load('nl-mbo-software-developer');
const FIAE = load('de-fiausbv-fachinformatiker-anwendungsentwicklung');

describe('acceptance on the seeded case qualifications', () => {
  describe('Verzorgende-IG (NL) against Altenpfleger/in (DE)', () => {
    const report = compare(VIG, ALTPFL, DEFAULT_POLICY);

    it('is PARTIAL, never FULL', () => {
      expect(report.verdict).toBe('PARTIAL');
      expect(report.reasons).toEqual([]);
    });

    it('reports the EQF 3 against 4 level gap (not substantial by itself since Directive 2013/55/EU) and names the responsibility & autonomy dimension', () => {
      expect(report.level).toMatchObject({ eqfGap: 1, holder: { eqfLevel: 3 }, reference: { eqfLevel: 4 }, art13_4: false });
      const level = report.differences.find((d) => d.kind === 'LEVEL');
      expect(level).toMatchObject({ substantial: false, compensated: false });
      expect(level!.message).toMatch(/no ground for refusal/);
      const ra = report.differences.find((d) => d.kind === 'DIMENSION' && d.dimension === 'RESPONSIBILITY_AUTONOMY');
      expect(ra).toMatchObject({ substantial: true });
      // AltPflG § 3(1) sentence 1 and the last stage of the practical training (AltPflAPrV Anlage 1 B.5) are the autonomy outcomes.
      expect(ra!.missing.map((m) => m.outcomeKey)).toEqual(expect.arrayContaining(['ziel.1', 'b.5']));
      // Found from the texts: the same report with every ESCO tag removed names the same missing outcomes.
      const bare = compare(untagged(VIG), untagged(ALTPFL), DEFAULT_POLICY);
      const raBare = bare.differences.find((d) => d.kind === 'DIMENSION' && d.dimension === 'RESPONSIBILITY_AUTONOMY')!;
      expect(raBare.missing.map((m) => m.outcomeKey)).toEqual(ra!.missing.map((m) => m.outcomeKey));
      expect(report.explanation.map((e) => e.rule)).toEqual(expect.arrayContaining(['LEVEL_GAP_REPORTED', 'DIMENSION_BELOW_THRESHOLD']));
      expect(report.explanation.map((e) => e.rule)).not.toContain('LEVEL_GAP_WITHIN_ART13');
    });

    it('suggests compensation: an adaptation period from the reference unit hours (Lernfelder, practical training) and aptitude-test topics', () => {
      expect(report.compensation).not.toBeNull();
      const period = report.compensation!.adaptationPeriod!;
      expect(period.months).toBeGreaterThan(0);
      expect(period.months).toBeLessThanOrEqual(36);
      expect(period.estimate).toMatch(/Practical training in geriatric care: 2500 h/);
      expect(period.estimate).toMatch(/: 720 h/);
      // Aptitude-test subjects come from the units of the differences: the last stage of the practical training (b.5) is one.
      const practice = report.compensation!.aptitudeTestTopics.find((t) => t.startsWith('Practical training in geriatric care:'));
      expect(practice).toMatch(/Selbstständig planen, durchführen und reflektieren/);
      expect(report.compensation!.aptitudeTestTopics.length).toBeGreaterThan(1);
      // One measure per substantial difference; the period is their sum, rounded up and capped.
      const c = report.compensation!;
      const open = report.differences.filter((d) => d.substantial && !d.compensated).map((d) => d.id);
      expect(c.measures.map((m) => m.differenceId).sort()).toEqual([...open].sort());
      const sum = Math.round(c.measures.reduce((s, m) => s + (m.months ?? 0), 0) * 10) / 10;
      expect(c.uncappedMonths).toBeCloseTo(sum, 5);
      expect(period.months).toBe(Math.min(36, Math.ceil(sum)));
      expect(c.measures.find((m) => m.differenceId === 'UNIT:praxis')).toMatchObject({ units: ['praxis'] });
    });

    it('cross-language matching runs on the outcome texts (alignment with its evidence); shared ESCO tags are shown beside a match, never scored', () => {
      const matches = report.units.flatMap((u) => u.outcomes.flatMap((o) => o.matches));
      expect([...new Set(matches.map((m) => m.evidence))]).toEqual(['ALIGNMENT']);
      for (const m of matches) expect(m.alignment!.evidence.length).toBeGreaterThan(0);
      expect(matches.some((m) => m.sharedSkills.length > 0)).toBe(true);
      // The engine 2.x policy that scored tags is still available to experts, and then tags raise coverage.
      const scored = compare(VIG, ALTPFL, { ...DEFAULT_POLICY, id: 'tags-scored', params: PolicyParamsSchema.parse({ escoTags: 'SCORE' }) });
      expect(scored.coverage.overall!).toBeGreaterThan(report.coverage.overall!);
      expect(scored.units.flatMap((u) => u.outcomes.flatMap((o) => o.matches)).map((m) => m.evidence)).toContain('SHARED_ESCO');
    });

    it('speaks German and Dutch', () => {
      const de = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'de' });
      expect(de.differences[0].message).toMatch(/Niveauunterschied/);
      expect(de.compensation!.choice).toMatch(/Anpassungslehrgang und Eignungsprüfung \(Art\. 14 Abs\. 2\)/);
      const nl = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'nl' });
      expect(nl.differences[0].message).toMatch(/Niveauverschil/);
      expect(nl.units[0].title).toBe('Theoretische grondslagen in de ouderenzorg betrekken');
    });

    it('expert mappings come first and a rejection blocks an automatic match', () => {
      const outcome = (r: ReturnType<typeof compare>, unitKey: string, outcomeKey: string) =>
        r.units.find((u) => u.unitKey === unitKey)!.outcomes.find((o) => o.outcomeKey === outcomeKey)!;
      const holder = { qualificationKey: VIG.key, unitKey: 'kt1', outcomeKey: 'kt1-o4' };
      const reference = { qualificationKey: ALTPFL.key, unitKey: 'ausbildungsziel', outcomeKey: 'ziel.1' };
      const asserted = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [{ holder, reference, status: 'ASSERTED', note: 'checked' }]);
      const z1 = outcome(asserted, 'ausbildungsziel', 'ziel.1');
      expect(z1).toMatchObject({ coverage: 1, covered: true });
      expect(z1.matches[0]).toMatchObject({ evidence: 'EXPERT_MAPPING', holderOutcomeKey: 'kt1-o4', score: 1, note: 'checked' });

      // The aligner pairs "Anleitung von Pflegenden" with "Voert de zorg uit … stemt af met verpleegkundigen" (voeren ~ leiten):
      // an expert rejects that pair and the outcome loses its coverage.
      const blockedRef = { qualificationKey: ALTPFL.key, unitKey: 'lf-1-4', outcomeKey: 'lf-1-4.anleitung' };
      const base = outcome(compare(VIG, ALTPFL, DEFAULT_POLICY), 'lf-1-4', 'lf-1-4.anleitung');
      expect(base.matches.map((m) => m.holderOutcomeKey)).toContain('kt1-o4');
      const rejected = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [{ holder, reference: blockedRef, status: 'REJECTED' }]);
      const anleitung = outcome(rejected, 'lf-1-4', 'lf-1-4.anleitung');
      expect(anleitung.matches.map((m) => m.holderOutcomeKey)).not.toContain('kt1-o4');
      expect(anleitung.rejected).toEqual([{ holderUnitKey: 'kt1', holderOutcomeKey: 'kt1-o4' }]);
      expect(anleitung.coverage).toBeLessThan(base.coverage);
    });
  });

  describe('Verzorgende-IG (NL) against Altenpfleger/in under the PflBG (the degree in force since 2020), general system', () => {
    const report = compare(VIG, PFLBG_ALTPFL, DEFAULT_POLICY, [], [], { regime: { kind: 'GENERAL_SYSTEM', legalBasis: 'Directive 2005/36/EC Art. 13, 14; BQFG § 9' } });

    it('is PARTIAL with a substantial responsibility & autonomy difference that lists the missing reference outcomes', () => {
      expect(report.verdict).toBe('PARTIAL');
      expect(report.regime).toMatchObject({ kind: 'GENERAL_SYSTEM', contentComparison: 'DECISIVE' });
      const ra = report.differences.find((d) => d.kind === 'DIMENSION' && d.dimension === 'RESPONSIBILITY_AUTONOMY')!;
      expect(ra).toMatchObject({ substantial: true });
      expect(ra.missing.length).toBeGreaterThan(0);
      // Every missing outcome is a reference outcome of that dimension, quoted from the file.
      const raOutcomes = new Set(PFLBG_ALTPFL.units.flatMap((u) => u.outcomes.filter((o) => o.dimension === 'RESPONSIBILITY_AUTONOMY').map((o) => o.key)));
      for (const m of ra.missing) expect(raOutcomes.has(m.outcomeKey)).toBe(true);
    });

    it('proposes compensation per substantial difference, bounded by Art. 14(1), with the applicant’s choice', () => {
      const c = report.compensation!;
      const open = report.differences.filter((d) => d.substantial && !d.compensated).map((d) => d.id);
      expect(c.measures.map((m) => m.differenceId).sort()).toEqual([...open].sort());
      for (const m of c.measures.filter((x) => x.differenceId.startsWith('UNIT:'))) {
        expect(m.months).toBeGreaterThan(0);
        expect(m.testSubjects.length).toBeGreaterThan(0);
      }
      expect(c.adaptationPeriod!.months).toBe(Math.min(36, Math.ceil(c.uncappedMonths!)));
      expect(c.choice).toMatch(/Art\. 14\(2\)/);
    });
  });

  describe('Software developer (NL) against Fachinformatiker/in Anwendungsentwicklung (DE)', () => {
    const report = compare(SWDEV, FIAE, DEFAULT_POLICY);
    const unit = (key: string) => report.units.find((u) => u.unitKey === key)!;

    it('aligns the Dutch work processes with the German exam parts from their texts alone, and names the differences', () => {
      expect(report.level.eqfGap).toBe(0);
      const outcome = (u: string, o: string) => unit(u).outcomes.find((x) => x.outcomeKey === o)!;
      const best = (u: string, o: string) => outcome(u, o).matches[0]?.holderOutcomeKey;
      // FIAusbV § 12 (project work) against the work processes of core task B1-K1/K2.
      expect(best('ap2-projekt', 'ap2-projekt.5')).toBe('b1-k1-w4-o1'); // testen ← Test software
      expect(outcome('ap2-projekt', 'ap2-projekt.5').covered).toBe(true);
      expect(best('ap2-projekt', 'ap2-projekt.7')).toBe('b1-k2-w2-o1'); // präsentieren ← Presenteert het opgeleverde werk
      expect(outcome('ap2-projekt', 'ap2-projekt.7').covered).toBe(true);
      expect(best('ap2-algorithmen', 'ap2-algorithmen.1')).toBe('b1-k1-w3-o1'); // Programmiersprache ← kennis van programmeren
      expect(best('ap2-algorithmen', 'ap2-algorithmen.3')).toBe('b1-k1-w4-o1'); // Testszenarien ← Test software
      // No tags are needed: the files without any ESCO tag give the same coverage.
      const bare = compare(untagged(SWDEV), untagged(FIAE), DEFAULT_POLICY);
      expect(bare.coverage).toEqual(report.coverage);
      expect(report.coverage.overall).toBeGreaterThan(0.2);
      // The NL file's work-process titles name no IT workplace, economics and social studies, development
      // environments, user interfaces or quality control: every exam area differs substantially.
      expect(report.differences.filter((d) => d.kind === 'UNIT').map((d) => d.unitKey)).toEqual(['ap1', 'ap2-projekt', 'ap2-planung', 'ap2-algorithmen', 'ap2-wiso']);
      for (const d of report.differences) expect(d.message.length).toBeGreaterThan(20);
      expect(report.verdict).toBe('PARTIAL');
    });

    it('is informational for a profession that is not regulated: the differences are named, measures are suggestions', () => {
      const r = compare(SWDEV, FIAE, DEFAULT_POLICY, [], [], { regime: { kind: 'NOT_REGULATED', legalBasis: 'BQFG §§ 4, 7 (Gleichwertigkeitsfeststellung, non-regulated profession)' } });
      expect(r.regime).toMatchObject({ kind: 'NOT_REGULATED', contentComparison: 'INFORMATIONAL' });
      expect(r.verdict).toBe('PARTIAL');
      expect(r.differences.filter((d) => d.kind === 'UNIT').length).toBeGreaterThan(0);
      expect(r.compensation!.choice).toMatch(/Not a regulated profession: Art\. 14 does not apply/);
      expect(r.explanation.find((e) => e.rule === 'COMPENSATION_CHOICE')!.legalBasis).toBeNull();
    });

    it('a policy that marks only the software-development parts essential drops the other exam areas from the differences', () => {
      const essential = ['ap2-projekt', 'ap2-planung', 'ap2-algorithmen'];
      const policy = {
        ...DEFAULT_POLICY,
        id: 'test-policy',
        params: PolicyParamsSchema.parse({ essentialUnits: [{ reference: FIAE.key, profession: 'fachinformatiker-anwendungsentwicklung', units: essential }] }),
      };
      const r = compare(SWDEV, FIAE, policy);
      const essentialOutcomes = r.units.filter((u) => essential.includes(u.unitKey)).flatMap((u) => u.outcomes);
      expect(r.coverage.essential).toBeCloseTo(essentialOutcomes.reduce((s, o) => s + o.coverage, 0) / essentialOutcomes.length, 3);
      expect(r.coverage.essential).toBeGreaterThan(r.coverage.overall!);
      expect(r.differences.filter((d) => d.kind === 'UNIT').map((d) => d.unitKey)).toEqual(['ap2-projekt', 'ap2-planung', 'ap2-algorithmen']);
      expect(r.units.filter((u) => !u.essential).map((u) => u.unitKey)).toEqual(['ap1', 'ap2-wiso']);
      expect(r.explanation.map((e) => e.rule)).toContain('ESSENTIAL_UNITS_FROM_POLICY');
      expect(r.verdict).toBe('PARTIAL');
    });
  });

  it('gives NONE for unrelated occupations (coverage below the floor), with reasons', () => {
    const r = compare(VIG, FIAE, DEFAULT_POLICY);
    expect(r.verdict).toBe('NONE');
    expect(r.reasons.join(' ')).toMatch(/floor/);
    expect(r.compensation).toBeNull();
  });
});
