import { assessLanguage, type LanguageAchievementFact } from './language';
import { LanguageRequirementSchema } from './schemas';

const B2 = LanguageRequirementSchema.parse({ language: 'de', level: 'B2', sources: [{ url: 'https://www.gesetze-im-internet.de/pflbg/__2.html' }] });
const cert = (levels: LanguageAchievementFact['levels'], id = 'urn:uuid:1', language: LanguageAchievementFact['language'] = 'de'): LanguageAchievementFact => ({
  credentialId: id,
  language,
  scheme: 'Goethe-Zertifikat',
  assessingBody: 'Goethe-Institut',
  levels,
});
const all = (l: 'B1' | 'B2' | 'C1') => ({ listening: l, reading: l, speaking: l, writing: l });

describe('language requirement against verified language achievements', () => {
  it('B2 in every skill meets a B2 requirement; C1 does too', () => {
    const a = assessLanguage(B2, [cert(all('B2'))], 'en', 'North Rhine-Westphalia');
    expect(a).toMatchObject({ status: 'MET', requiredLevel: 'B2', missing: [], evidence: ['urn:uuid:1'] });
    expect(a.summary).toMatch(/^Language requirement met: North Rhine-Westphalia requires German at level B2/);
    expect(assessLanguage(B2, [cert(all('C1'))], 'en', 'X').status).toBe('MET');
  });

  it('B1 says which level is missing for each skill', () => {
    const a = assessLanguage(B2, [cert(all('B1'))], 'en', 'North Rhine-Westphalia');
    expect(a.status).toBe('NOT_MET');
    expect(a.missing).toEqual(['listening', 'reading', 'speaking', 'writing'].map((skill) => ({ skill, required: 'B2', shown: 'B1' })));
    expect(a.summary).toContain('missing: listening B2 (shown B1); reading B2 (shown B1)');
    expect(assessLanguage(B2, [cert(all('B1'))], 'de', 'Nordrhein-Westfalen').summary).toContain('es fehlt: Hören B2 (nachgewiesen B1)');
  });

  it('takes the best level per skill across credentials, and only in the required language', () => {
    const a = assessLanguage(B2, [cert({ listening: 'B2', reading: 'B2' }, 'urn:a'), cert({ speaking: 'C1', writing: 'B1' }, 'urn:b'), cert(all('C1'), 'urn:nl', 'nl')], 'en', 'X');
    expect(a.missing).toEqual([{ skill: 'writing', required: 'B2', shown: 'B1' }]);
    expect(a.shown).toEqual([
      { skill: 'listening', level: 'B2' },
      { skill: 'reading', level: 'B2' },
      { skill: 'speaking', level: 'C1' },
      { skill: 'writing', level: 'B1' },
    ]);
    expect(a.evidence).toEqual(['urn:a', 'urn:b']);
  });

  it('without a credential in the language: not shown; without a recorded level: level unknown', () => {
    expect(assessLanguage(B2, [], 'en', 'X')).toMatchObject({ status: 'NOT_SHOWN', missing: expect.arrayContaining([{ skill: 'speaking', required: 'B2', shown: null }]) });
    const { level: _, ...noLevel } = B2;
    const u = assessLanguage({ ...noLevel }, [cert({ speaking: 'B1' })], 'en', 'X');
    expect(u).toMatchObject({ status: 'LEVEL_UNKNOWN', requiredLevel: null, missing: [] });
    expect(u.summary).toContain('Shown: listening none, reading none, speaking B1, writing none');
  });

  it('only the skills the requirement names count', () => {
    const speaking = LanguageRequirementSchema.parse({ ...B2, skills: ['speaking'] });
    expect(assessLanguage(speaking, [cert({ speaking: 'B2', writing: 'A1' })], 'en', 'X').status).toBe('MET');
    expect(LanguageRequirementSchema.safeParse({ ...B2, skills: ['speaking', 'speaking'] }).success).toBe(false);
    expect(LanguageRequirementSchema.safeParse({ ...B2, sources: [] }).success).toBe(false);
  });
});
