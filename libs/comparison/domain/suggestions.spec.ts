import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { PolicyParamsSchema } from './policy';
import { conceptRows, PreparedFiles } from './prepared-files';
import { suggestMappings } from './suggestions';

const P = PolicyParamsSchema.parse({});

function file(key: string, lang: string, outcomes: Array<{ text: string; tags?: string[] }>): QualificationFile {
  return QualificationFileSchema.parse({
    key,
    jurisdiction: lang === 'nl' ? 'NL' : 'DE',
    kind: 'VOCATIONAL',
    title: { en: key },
    framework: lang === 'nl' ? 'NLQF' : 'DQR',
    nationalLevel: '4',
    eqfLevel: 4,
    sources: [{ url: 'https://example.org/test' }],
    units: [{ key: 'u1', kind: 'MODULE', title: { en: 'Unit' }, outcomes: outcomes.map((o, i) => ({ key: `o${i + 1}`, text: o.text, lang, dimension: 'KNOWLEDGE', escoSkills: o.tags ?? [] })) }],
  });
}

const SKILL = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001';
const NL = file('nl-s', 'nl', [{ text: 'Kennis van de anatomie en de fysiologie van de mens' }, { text: 'Houdt een kasboek bij', tags: [SKILL] }]);
const DE = file('de-s', 'de', [{ text: 'Kenntnisse der Anatomie und Physiologie des Menschen' }, { text: 'Führt Buch über Einnahmen', tags: [SKILL] }]);

describe('mapping suggestions', () => {
  it('proposes the aligned pair with its evidence and the tagged pair with its shared skill', () => {
    const s = suggestMappings(NL, DE, [], P);
    const aligned = s.find((x) => x.referenceOutcomeKey === 'o1')!;
    expect(aligned).toMatchObject({ holderOutcomeKey: 'o1', signal: 'ALIGNMENT', referenceLang: 'de', holderLang: 'nl', sharedSkills: [] });
    expect(aligned.alignmentScore).toBe(aligned.score);
    expect(aligned.evidence.length).toBeGreaterThan(0);
    const tagged = s.find((x) => x.referenceOutcomeKey === 'o2' && x.holderOutcomeKey === 'o2')!;
    expect(tagged).toMatchObject({ signal: 'SHARED_ESCO', score: 1, sharedSkills: [SKILL] });
  });

  it('leaves out pairs an expert asserted or rejected', () => {
    const ref = (k: string, o: string) => ({ qualificationKey: k, unitKey: 'u1', outcomeKey: o });
    const s = suggestMappings(NL, DE, [
      { holder: ref('nl-s', 'o1'), reference: ref('de-s', 'o1'), status: 'ASSERTED' },
      { holder: ref('nl-s', 'o2'), reference: ref('de-s', 'o2'), status: 'REJECTED' },
    ], P);
    const pairs = s.map((x) => `${x.referenceOutcomeKey}|${x.holderOutcomeKey}`);
    expect(pairs).not.toContain('o1|o1');
    expect(pairs).not.toContain('o2|o2');
  });
});

describe('prepared files and ESCO concept rows', () => {
  it('turns ESCO table rows into concept label rows, preferred label first', () => {
    expect(conceptRows([{ uri: 'u', label: { de: 'Anatomie', en: 'anatomy' }, alt_labels: { de: ['Anatomie', 'Körperbau'], nl: ['anatomie'] } }])).toEqual([
      { uri: 'u', labels: { de: ['Anatomie', 'Körperbau'], en: ['anatomy'], nl: ['anatomie'] } },
    ]);
  });

  it('keeps files per key and resources, dropping the least recently used', () => {
    const cache = new PreparedFiles(2);
    cache.set('a@1', 'r1', NL);
    cache.set('b@1', 'r1', DE);
    expect(cache.get('a@1', 'r1')).toBe(NL);
    expect(cache.get('a@1', 'r2')).toBeUndefined();
    cache.set('c@1', 'r1', DE);
    expect(cache.get('b@1', 'r1')).toBeUndefined();
    expect(cache.get('a@1', 'r1')).toBe(NL);
    expect(cache.size).toBe(2);
  });
});
