import { alignOutcomes, ConceptIndex, DEFAULT_THRESHOLD, loadLexicon, prepareOutcome, readEscoExtract, type AlignmentResources } from '.';
import { cognateSkeleton } from './cognate';
import { inflectionCandidates } from './lexicon';

const ANATOMY = 'http://data.europa.eu/esco/skill/test-anatomy';
const NURSING = 'http://data.europa.eu/esco/skill/test-nursing-care';
const ROWS = [
  { uri: ANATOMY, labels: { en: ['anatomy'], de: ['Anatomie'], nl: ['anatomie'] } },
  { uri: NURSING, labels: { en: ['provide nursing care'], de: ['Pflege leisten'] } },
];

describe('outcome alignment (shipped lexicon, small concept index)', () => {
  const res: AlignmentResources = { lexicon: loadLexicon(), concepts: new ConceptIndex(ROWS) };
  const nl = (t: string) => prepareOutcome(t, 'nl', res);
  const de = (t: string) => prepareOutcome(t, 'de', res);

  it('aligns a Dutch outcome with its German translation above the threshold, and leaves an unrelated one below', () => {
    const [a] = alignOutcomes([nl('Kennis van de anatomie en de fysiologie van de mens')], [de('Führt Buch über Einnahmen und Ausgaben'), de('Kenntnisse der Anatomie und Physiologie des Menschen')]);
    expect(a.holderIndex).toBe(1);
    expect(a.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const [b] = alignOutcomes([nl('Kennis van de anatomie en de fysiologie van de mens')], [de('Führt Buch über Einnahmen und Ausgaben')]);
    expect(b.holderIndex).toBeNull();
    expect(b.score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('names the shared ESCO concept and the translated words in the evidence', () => {
    const [a] = alignOutcomes([nl('Anatomie')], [de('Anatomie')]);
    expect(a.evidence).toContainEqual(expect.objectContaining({ signal: 'CONCEPT', key: ANATOMY, reference: 'anatomie', holder: 'Anatomie' }));
    const [b] = alignOutcomes([de('Krankenpflege')], [prepareOutcome('Nursing', 'en', res)]);
    expect(b.evidence).toContainEqual(expect.objectContaining({ signal: 'LEXICON', key: 'nurs', reference: 'krankenpflege', holder: 'nursing' }));
  });

  it('splits compounds into known parts and falls back to cognates', () => {
    const words = de('Pflegeprozess').words.map((w) => w.surface);
    expect(words).toEqual(['pflege', 'prozess']);
    expect(cognateSkeleton('Physiologie')).toBe(cognateSkeleton('fysiologie'));
    expect(cognateSkeleton('physiology')).toBe(cognateSkeleton('fysiologie'));
    expect(cognateSkeleton('kennis')).toBeNull();
    expect(inflectionCandidates('nl', 'evalueert')).toContain('evalueren');
  });

  it('prepares deterministically, as plain JSON data', () => {
    const text = 'Stelt de verpleegkundige zorgbehoefte vast, plant de zorg en evalueert haar.';
    const a = nl(text);
    expect(nl(text)).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('one-to-one assignment uses each holder outcome once; best lets two reference outcomes share one', () => {
    const ref = [nl('Pathologie'), nl('Pathologie')];
    const hol = [de('Pharmakologie'), de('Pathologie')];
    const best = alignOutcomes(ref, hol, { threshold: 0.2 });
    expect(best.map((a) => a.holderIndex)).toEqual([1, 1]);
    const one = alignOutcomes(ref, hol, { threshold: 0.2, assignment: 'one-to-one' });
    expect(one.map((a) => a.holderIndex)).toEqual([1, null]);
    expect(one[1].bestHolderIndex).toBe(1);
  });

  it('aligns and explains outcomes read back from storage exactly as freshly prepared ones', () => {
    const ref = [nl('Kennis van de anatomie en de fysiologie van de mens'), nl('Kan eenvoudige taken uitvoeren')];
    const hol = [de('Führt Buch über Einnahmen und Ausgaben'), de('Kenntnisse der Anatomie und Physiologie des Menschen')];
    const fresh = alignOutcomes(ref, hol);
    const stored = alignOutcomes(JSON.parse(JSON.stringify(ref)), JSON.parse(JSON.stringify(hol)));
    expect(stored).toEqual(fresh);
    expect(fresh[0].evidence).toContainEqual(expect.objectContaining({ signal: 'COGNATE', reference: 'fysiologie', holder: 'physiologie' }));
  });

  it('returns no alignment for empty input', () => {
    expect(alignOutcomes([], [de('Anatomie')])).toEqual([]);
    expect(alignOutcomes([nl('anatomie')], [])).toEqual([expect.objectContaining({ holderIndex: null, bestHolderIndex: null, score: 0 })]);
  });
});

const esco = process.env.ESCO_EXTRACT_DIR;
(esco ? describe : describe.skip)('concept index from the ESCO extract (ESCO_EXTRACT_DIR)', () => {
  it('finds the same ESCO concept in a German and an English outcome', () => {
    const res: AlignmentResources = { lexicon: loadLexicon(), concepts: new ConceptIndex(readEscoExtract(esco!)) };
    const de = prepareOutcome('Grundlagen der Pathologie', 'de', res);
    const en = prepareOutcome('Principles of pathology', 'en', res);
    const shared = de.concepts.filter((c) => en.concepts.some((e) => e.uri === c.uri));
    expect(shared.map((c) => c.label)).toContain('Pathologie');
  }, 60_000);
});
