import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare } from './compare';
import { type EscoLabels, skillRef } from './esco-labels';
import { DEFAULT_POLICY } from './policy';

const load = (key: string): QualificationFile =>
  QualificationFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../seeds/qualifications', `${key}.json`), 'utf8')));
const VIG = load('nl-mbo-25656-verzorgende-ig');
const ALTPFL = load('de-altpflg-altenpfleger');

/** Labels as the ESCO tables hold them: German for some skills, English for all (as in the ESCO extract). */
const ALT_SKILLS = [...new Set(ALTPFL.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)))];
const LABELS: EscoLabels = Object.fromEntries(ALT_SKILLS.map((uri, i) => [uri, i % 2 ? { en: `skill ${i}` } : { en: `skill ${i}`, de: `Fertigkeit ${i}` }]));

describe('ESCO skills in reports', () => {
  it('a skill shows its label in the requested language, else English, with the URI beside it', () => {
    const uri = ALT_SKILLS[0];
    expect(skillRef(uri, LABELS, 'de')).toEqual({ uri, label: 'Fertigkeit 0', labelLang: 'de' });
    expect(skillRef(uri, LABELS, 'nl')).toEqual({ uri, label: 'skill 0', labelLang: 'en' });
    expect(skillRef('http://data.europa.eu/esco/skill/unknown', LABELS, 'de')).toEqual({ uri: 'http://data.europa.eu/esco/skill/unknown', label: null, labelLang: null });
  });

  it('missing and shared skills of the Verzorgende-IG/Altenpfleger report carry labels in German', () => {
    const r = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'de', skillLabels: LABELS });
    const outcomes = r.units.flatMap((u) => u.outcomes);
    const missing = outcomes.flatMap((o) => o.missingSkills);
    const shared = outcomes.flatMap((o) => o.matches.flatMap((m) => m.sharedSkills));
    expect(missing.length).toBeGreaterThan(0);
    expect(shared.length).toBeGreaterThan(0);
    for (const s of [...missing, ...shared, ...r.differences.flatMap((d) => d.missing.flatMap((m) => m.missingSkills))]) {
      const i = ALT_SKILLS.indexOf(s.uri);
      expect(s).toEqual(i % 2 ? { uri: s.uri, label: `skill ${i}`, labelLang: 'en' } : { uri: s.uri, label: `Fertigkeit ${i}`, labelLang: 'de' });
    }
  });

  it('a report without labels keeps the URIs and says the label is not known', () => {
    const r = compare(VIG, ALTPFL, DEFAULT_POLICY);
    const missing = r.units.flatMap((u) => u.outcomes.flatMap((o) => o.missingSkills));
    expect(missing.every((s) => s.label === null && s.labelLang === null && s.uri.startsWith('http://data.europa.eu/esco/skill/'))).toBe(true);
  });

  it('new labels give a new input hash (a stored report is never stale), the same labels the same report', () => {
    const plain = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'de' });
    const labelled = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'de', skillLabels: LABELS });
    expect(labelled.inputHash).not.toBe(plain.inputHash);
    expect(JSON.stringify(compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'de', skillLabels: { ...LABELS } }))).toBe(JSON.stringify(labelled));
    // Labels of skills neither file uses change nothing.
    const extra = { ...LABELS, 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000': { en: 'unused' } };
    expect(compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang: 'de', skillLabels: extra }).inputHash).toBe(labelled.inputHash);
  });
});

describe('outcome texts in reports', () => {
  it('are never shortened: differences quote, and aptitude-test topics name, whole outcome texts', () => {
    for (const lang of ['de', 'en', 'nl'] as const) {
      const r = compare(VIG, ALTPFL, DEFAULT_POLICY, [], [], { lang });
      const missing = r.differences.flatMap((d) => d.missing);
      expect(missing.some((m) => m.text.length > 80)).toBe(true);
      for (const d of r.differences) {
        for (const m of d.missing.slice(0, 3)) expect(d.message).toContain(`"${m.text}"`);
        expect(d.message).not.toContain('…');
      }
      const topics = r.compensation!.aptitudeTestTopics.join('\n');
      for (const m of missing.filter((x) => r.differences.some((d) => d.substantial && !d.compensated && d.missing.includes(x)))) expect(topics).toContain(m.text);
      const source = ALTPFL.units.flatMap((u) => u.outcomes);
      for (const m of missing) expect(m.text).toBe(source.find((o) => o.key === m.outcomeKey)!.text);
    }
  });
});
