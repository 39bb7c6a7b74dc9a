import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { ConceptIndex, loadLexicon } from './alignment';
import { ALIGNMENT_THRESHOLD, alignmentOf, attachAlignment, prepareFileAlignment } from './outcome-alignment';
import { compareOutcome, HolderIndex, indexMappings, prepareOutcomes } from './outcomes';
import { PolicyParamsSchema } from './policy';
import type { OutcomeComparison, OutcomeMapping } from './types';

const P = PolicyParamsSchema.parse({});

function file(key: string, jurisdiction: string, lang: string, texts: string[]): QualificationFile {
  return QualificationFileSchema.parse({
    key,
    jurisdiction,
    kind: 'VOCATIONAL',
    title: { en: key },
    framework: jurisdiction === 'NL' ? 'NLQF' : 'DQR',
    nationalLevel: '4',
    eqfLevel: 4,
    durationMonths: 36,
    workload: { hoursTotal: 4600, routes: [] },
    sources: [{ url: 'https://example.org/test' }],
    units: [{ key: 'u1', kind: 'MODULE', title: { en: 'Unit' }, outcomes: texts.map((text, i) => ({ key: `o${i + 1}`, text, lang, dimension: 'KNOWLEDGE', escoSkills: [] })) }],
  });
}

/** The engine's outcome comparison of every reference outcome, as compare() runs it. */
function outcomesOf(holder: QualificationFile, reference: QualificationFile, mappings: OutcomeMapping[] = []): OutcomeComparison[] {
  const index = new HolderIndex(prepareOutcomes(holder));
  const maps = indexMappings(mappings, holder.key, reference.key, index);
  return prepareOutcomes(reference).map((r) => compareOutcome(r, index, maps, P));
}

const NL = file('nl-test', 'NL', 'nl', ['Voert eenvoudige boekhouding uit voor een kleine onderneming', 'Kennis van de anatomie en de fysiologie van de mens']);
const DE = file('de-test', 'DE', 'de', ['Kenntnisse der Anatomie und Physiologie des Menschen']);
const ref = (outcomeKey: string) => ({ qualificationKey: DE.key, unitKey: 'u1', outcomeKey });
const hol = (outcomeKey: string) => ({ qualificationKey: NL.key, unitKey: 'u1', outcomeKey });

describe('outcome alignment as a match signal', () => {
  it('gives a German outcome coverage from its Dutch translation without any ESCO tag, with the words behind it', () => {
    const [o] = outcomesOf(NL, DE);
    expect(o.coverage).toBeGreaterThanOrEqual(ALIGNMENT_THRESHOLD);
    expect(o.matches[0]).toMatchObject({ holderOutcomeKey: 'o2', evidence: 'ALIGNMENT', sharedSkills: [] });
    expect(o.matches[0].score).toBe(o.coverage);
    expect(o.matches[0].alignment!.score).toBe(o.coverage);
    // The bookkeeping outcome shares nothing with anatomy and is no match.
    expect(o.matches.map((m) => m.holderOutcomeKey)).not.toContain('o1');
    const ev = o.matches[0].alignment!.evidence;
    expect(ev).toContainEqual(expect.objectContaining({ signal: 'COGNATE', reference: 'physiologie', holder: 'fysiologie' }));
    expect(ev.every((e) => e.weight > 0 && e.key.length > 0)).toBe(true);
  });

  it('an ASSERTED expert mapping wins over the alignment, a REJECTED one removes the aligned pair', () => {
    const asserted = outcomesOf(NL, DE, [{ holder: hol('o1'), reference: ref('o1'), status: 'ASSERTED', note: 'checked' }])[0];
    expect(asserted.coverage).toBe(1);
    expect(asserted.matches[0]).toMatchObject({ holderOutcomeKey: 'o1', evidence: 'EXPERT_MAPPING', score: 1, note: 'checked' });
    expect(asserted.matches[1]).toMatchObject({ holderOutcomeKey: 'o2', evidence: 'ALIGNMENT' });

    const rejected = outcomesOf(NL, DE, [{ holder: hol('o2'), reference: ref('o1'), status: 'REJECTED' }])[0];
    expect(rejected.matches.map((m) => m.holderOutcomeKey)).not.toContain('o2');
    expect(rejected.coverage).toBe(0);
    expect(rejected.rejected).toEqual([{ holderUnitKey: 'u1', holderOutcomeKey: 'o2' }]);
  });

  it('aligns the seeded Verzorgende-IG and Altenpfleger/in files with every ESCO tag stripped', () => {
    const load = (key: string) =>
      QualificationFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../seeds/qualifications', `${key}.json`), 'utf8')));
    const strip = (f: QualificationFile): QualificationFile => ({ ...f, units: f.units.map((u) => ({ ...u, outcomes: u.outcomes.map((o) => ({ ...o, escoSkills: [] })) })) });
    const os = outcomesOf(strip(load('nl-mbo-25656-verzorgende-ig')), strip(load('de-altpflg-altenpfleger')));
    const mean = os.reduce((s, o) => s + o.coverage, 0) / os.length;
    expect(mean).toBeGreaterThan(0);
    const matches = os.flatMap((o) => o.matches);
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      expect(m.evidence).toBe('ALIGNMENT');
      expect(m.alignment!.evidence.length).toBeGreaterThan(0);
    }
  });

  it('never raises another pair when holder outcomes are taken away (scores depend on the reference file and the pair)', () => {
    const full = outcomesOf(NL, DE)[0];
    const fewer = outcomesOf(file('nl-test', 'NL', 'nl', ['Kennis van de anatomie en de fysiologie van de mens']), DE)[0];
    expect(fewer.matches[0].score).toBe(full.matches[0].score);
  });

  it('prepares a file again when it was changed in place after a comparison', () => {
    const de = file('de-test', 'DE', 'de', ['Kenntnisse der Anatomie und Physiologie des Menschen']);
    expect(outcomesOf(NL, de)[0].coverage).toBeGreaterThan(0);
    de.units[0].outcomes[0].text = 'Stimmt Xylophone';
    expect(outcomesOf(NL, de)[0]).toMatchObject({ coverage: 0, matches: [] });
  });

  it('leaves same-language pairs to the lexical signal', () => {
    const de2 = file('de-two', 'DE', 'de', ['Kenntnisse über Anatomie und Physiologie', 'Führt Buch über Einnahmen und Ausgaben']);
    const os = outcomesOf(de2, DE);
    expect(os[0].matches.length).toBeGreaterThan(0);
    expect(os[0].matches.every((m) => m.evidence === 'LEXICAL' && m.alignment === undefined)).toBe(true);
  });

  it('uses preparations handed in for a file (ESCO concepts) and falls back to the lexicon alone', () => {
    const uri = 'http://data.europa.eu/esco/skill/test-anatomy';
    const res = { lexicon: loadLexicon(), concepts: new ConceptIndex([{ uri, labels: { nl: ['anatomie'], de: ['Anatomie'] } }]) };
    const nl = file('nl-test', 'NL', 'nl', ['Anatomie']);
    const de = file('de-test', 'DE', 'de', ['Anatomie']);
    expect(alignmentOf(nl)[0].concepts).toEqual([]);
    const nl2 = file('nl-test', 'NL', 'nl', ['Anatomie']);
    const de2 = file('de-test', 'DE', 'de', ['Anatomie']);
    attachAlignment(nl2, prepareFileAlignment(nl2, res));
    attachAlignment(de2, prepareFileAlignment(de2, res));
    const [withConcepts] = outcomesOf(nl2, de2);
    expect(withConcepts.matches[0].alignment!.evidence).toContainEqual(expect.objectContaining({ signal: 'CONCEPT', key: uri }));
    const [lexiconOnly] = outcomesOf(nl, de);
    expect(lexiconOnly.matches[0].alignment!.evidence.some((e) => e.signal === 'CONCEPT')).toBe(false);
    expect(() => attachAlignment(nl, [])).toThrow(/0 preparations for 1 outcomes/);
  });
});
