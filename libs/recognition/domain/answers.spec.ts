import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { rawUuids, repeatedWords } from '../../comparison/domain/text-quality';
import { projectRoot } from '../../platform/project-root';
import { advise, type AdviceInput, planRoute, type RouteAdvice } from './advise';
import { answerCandidates, answerRank, combineAnswers } from './answers';
import { decisionFor, decisionsFor, type PublishedDecision } from './decisions';
import type { QualificationFacts, RuleQuery, StoredRule } from './rules';
import { RecognitionRuleSchema, RegulatedProfessionSchema } from './schemas';

const seedFile = (name: string) => JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'recognition', name), 'utf8'));
const RULES: StoredRule[] = z
  .array(RecognitionRuleSchema)
  .parse(seedFile('rules.json'))
  .map((d, i) => ({ id: `0000000${i}-aaaa-4bbb-8ccc-123456789abc`, key: d.key, version: 1, status: 'APPROVED', retiredOn: null, document: d }));
const REGISTRY = z.array(RegulatedProfessionSchema).parse(seedFile('regulated-professions.json'));

const VERPLEEGKUNDIGE: QualificationFacts = { key: 'nl-mbo-verpleegkundige', jurisdiction: 'NL', kind: 'VOCATIONAL', eqfLevel: 4, professions: ['verpleegkundige', 'nurse-general-care'] };
const VIG: QualificationFacts = { key: 'nl-mbo-25656-verzorgende-ig', jurisdiction: 'NL', kind: 'VOCATIONAL', eqfLevel: 3, professions: ['verzorgende-ig'] };
const BACHELOR: QualificationFacts = { key: 'nl-hbo-v-bachelor-nursing', jurisdiction: 'NL', kind: 'HIGHER_EDUCATION', eqfLevel: 6, professions: ['verpleegkundige', 'nurse-general-care'] };
const q = (qualification: QualificationFacts, destination: string, asOf: string, extra: Partial<RuleQuery> = {}): RuleQuery => ({ qualification, destination, asOf, purpose: 'WORK', ...extra });
const base = { rules: RULES, registry: REGISTRY, lang: 'en' as const };

const DECISION_ID = 'cc9e0d2a-5b1f-4c3e-9a77-0f1e2d3c4b5a';
const ALT_ID = '7f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f';
const decision = (over: Partial<PublishedDecision> = {}): PublishedDecision => ({
  id: DECISION_ID,
  verdict: 'PARTIAL',
  rationale: 'Level gap and autonomy; adaptation period offered.',
  compensation: ['Anpassungslehrgang 12 Monate'],
  destinationJurisdiction: 'DE',
  publishedAt: '2025-02-01T09:30:00Z',
  holderTitle: 'Verzorgende-IG',
  referenceTitle: 'Altenpfleger/in',
  referenceId: ALT_ID,
  referenceKey: 'de-altpflg-altenpfleger',
  referenceProfessions: ['altenpfleger'],
  ...over,
});

/** Every text of an answer (and its alternatives) that a person reads. */
const texts = (a: RouteAdvice): string[] => [
  a.summary,
  a.expectedOutcome.summary,
  a.expectedOutcome.citation?.label ?? '',
  ...a.expectedOutcome.compensation,
  ...a.steps,
  ...a.documents,
  ...a.information,
  ...a.caveats,
  ...a.alternatives.flatMap(texts),
];

describe('a rule whose scope names the profession', () => {
  it('mbo Verpleegkundige → DE as nurse-general-care (no registry entry): automatic professional recognition under the nurse rule', () => {
    expect(REGISTRY.some((e) => e.profession === 'nurse-general-care')).toBe(false);
    const a = advise({ ...base, query: q(VERPLEEGKUNDIGE, 'DE', '2025-01-01', { profession: 'nurse-general-care' }) });
    expect(a).toMatchObject({
      route: 'AUTOMATIC_PROFESSIONAL_RECOGNITION',
      regulated: true,
      regime: 'SECTORAL_AUTOMATIC',
      regimeConfirmed: null,
      assumedProfession: 'nurse-general-care',
      expectedOutcome: { verdict: 'FULL', binding: true, basis: 'RULE', citation: { kind: 'RULE' } },
    });
    expect(a.appliedRules.map((r) => r.key)).toEqual(['dir-2005-36-nurse-general-care-nl-de']);
    expect(a.caveats.join(' ')).toMatch(/registry has no entry for nurse-general-care in DE; that the profession is regulated and recognised automatically follows from Directive 2005\/36\/EC/);
    // The general system also covers the case; it is listed, with why it is not the route.
    expect(a.consideredRules.find((r) => r.key === 'dir-2005-36-general-system')!.reasons).toEqual(['NOT_USED_FOR_ROUTE']);
  });

  it('does not apply to a qualification it does not list, and then is considered with the reason', () => {
    const a = advise({ ...base, query: q(VIG, 'DE', '2025-01-01', { profession: 'nurse-general-care' }) });
    expect(a.route).toBe('UNKNOWN_REGULATION');
    expect(a.consideredRules.find((r) => r.key === 'dir-2005-36-nurse-general-care-nl-de')!.reasons).toEqual(['QUALIFICATION_NOT_LISTED']);
  });

  it('a not-regulated registry entry still wins over a rule naming the profession', () => {
    const registry = [...REGISTRY, { ...REGISTRY.find((e) => e.regime === 'NOT_REGULATED')!, profession: 'nurse-general-care', jurisdiction: 'DE' }];
    expect(planRoute(q(VERPLEEGKUNDIGE, 'DE', '2025-01-01', { profession: 'nurse-general-care' }), RULES, registry).route).toBe('NOT_REGULATED');
  });

  it('every rule evaluated is either applied or considered, for any case', () => {
    const quals = [VERPLEEGKUNDIGE, VIG, BACHELOR];
    const professions = [null, 'nurse-general-care', 'pflegefachperson', 'altenpfleger', 'verzorgende-ig', 'software-developer'];
    for (const qual of quals)
      for (const dest of ['DE', 'DE-NW', 'BE-VLG', 'NL'])
        for (const profession of professions)
          for (const purpose of ['WORK', 'STUDY'] as const)
            for (const asOf of ['2016-01-01', '2025-01-01']) {
              const a = advise({ ...base, query: q(qual, dest, asOf, { profession, purpose }) });
              const keys = [...a.appliedRules.map((r) => r.key), ...a.consideredRules.map((r) => r.key)].sort();
              expect(keys).toEqual(RULES.map((r) => r.key).sort());
            }
  });
});

describe('published decisions for a destination', () => {
  const de = decision();
  const nw = decision({ id: 'nw', destinationJurisdiction: 'DE-NW', publishedAt: '2025-03-01T00:00:00Z' });
  const ni = decision({ id: 'ni', destinationJurisdiction: 'DE-NI' });
  const be = decision({ id: 'be', destinationJurisdiction: 'BE' });
  const later = decision({ id: 'later', publishedAt: '2025-06-01T00:00:00Z' });

  it('DE covers DE-NW (binding) and DE-NW is a part of DE (indicative); others and later ones do not count', () => {
    expect(decisionsFor([de, nw, ni, be, later], 'DE-NW', '2025-04-01').map((d) => d.id)).toEqual(['nw', DECISION_ID]);
    expect(decisionsFor([de, nw, ni, be, later], 'DE', '2025-04-01').map((d) => d.id)).toEqual([DECISION_ID, 'nw', 'ni']);
    expect(decisionsFor([de, later], 'DE', '2025-07-01').map((d) => d.id)).toEqual(['later', DECISION_ID]);
    expect(decisionsFor([be], 'DE', '2025-07-01')).toEqual([]);
  });

  it('an answer rests on the decision on its reference, else one whose reference leads to its profession', () => {
    const pfl = decision({ id: 'pfl', referenceId: 'pfl-id', referenceKey: 'de-pflbg-pflegefachperson', referenceProfessions: ['nurse-general-care', 'pflegefachperson'] });
    const noProfession = decision({ id: 'none', referenceId: 'x', referenceProfessions: [] });
    expect(decisionFor([pfl, de], ALT_ID, 'altenpfleger')?.id).toBe(DECISION_ID);
    expect(decisionFor([pfl, de], null, 'pflegefachperson')?.id).toBe('pfl');
    expect(decisionFor([pfl, de], 'other', 'verzorgende-ig')).toBeNull();
    expect(decisionFor([pfl, de, noProfession], null, null)?.id).toBe('none');
    expect(decisionFor([pfl, de], null, null)).toBeNull();
  });

  it('a decision taken for a part of the destination is cited as indicative, not binding', () => {
    const a = advise({ ...base, query: q(VIG, 'DE', '2025-04-01', { profession: 'altenpfleger' }), decision: nw, reference: { id: ALT_ID, key: 'de-altpflg-altenpfleger', title: 'Altenpfleger/in' } });
    expect(a.expectedOutcome).toMatchObject({ basis: 'DECISION', binding: false, citation: { binding: false } });
    expect(a.expectedOutcome.summary).toMatch(/taken for DE-NW only; for DE the competent body decides/);
  });
});

describe('answers when no profession is given', () => {
  const reference = { id: ALT_ID, key: 'de-altpflg-altenpfleger', title: 'Altenpfleger/in' };

  it('considers no profession, the qualification’s professions, then those of decisions’ references, each once', () => {
    const pfl = decision({ referenceProfessions: ['nurse-general-care', 'pflegefachperson'] });
    expect(answerCandidates(['verpleegkundige', 'nurse-general-care'], [pfl, decision()])).toEqual([
      { profession: null, source: null },
      { profession: 'verpleegkundige', source: 'QUALIFICATION' },
      { profession: 'nurse-general-care', source: 'QUALIFICATION' },
      { profession: 'pflegefachperson', source: 'DECISION' },
      { profession: 'altenpfleger', source: 'DECISION' },
    ]);
  });

  /** What the service does per candidate, with the decision and reference it would load. */
  function answersFor(qual: QualificationFacts, destination: string, asOf: string, decisions: PublishedDecision[], lang: AdviceInput['lang'] = 'en'): RouteAdvice {
    const relevant = decisionsFor(decisions, destination, asOf);
    const answers = answerCandidates(qual.professions, relevant).map((c) => {
      const query = q(qual, destination, asOf, { profession: c.profession });
      const d = planRoute(query, RULES, REGISTRY).needsComparison ? decisionFor(relevant, c.profession === 'altenpfleger' ? ALT_ID : null, c.profession) : null;
      return advise({ ...base, lang, query, decision: d, reference: d ? reference : null, assumedFrom: c.source });
    });
    return combineAnswers(answers, lang);
  }

  it('Verzorgende-IG → DE-NW: the answer cites the published decision and says it assumes Altenpfleger/in', () => {
    const a = answersFor(VIG, 'DE-NW', '2025-03-01', [decision()]);
    expect(a).toMatchObject({
      route: 'GENERAL_SYSTEM',
      profession: null,
      assumedProfession: 'altenpfleger',
      referenceQualification: reference,
      expectedOutcome: { basis: 'DECISION', binding: true, verdict: 'PARTIAL', citation: { kind: 'DECISION', id: DECISION_ID } },
    });
    expect(a.expectedOutcome.summary).toBe('Expected outcome: partial equivalence, based on the published expert decision “Verzorgende-IG compared with Altenpfleger/in (DE)” of 2025-02-01.');
    expect(a.caveats[0]).toMatch(/No profession was given: this answer assumes altenpfleger, the profession of Altenpfleger\/in/);
    expect(a.alternatives.map((x) => x.assumedProfession)).toEqual([null, 'verzorgende-ig']);
    expect(a.alternatives.map((x) => x.route)).toEqual(['INDIVIDUAL_ASSESSMENT', 'UNKNOWN_REGULATION']);
    expect(a.alternatives[1].caveats[0]).toMatch(/assumes verzorgende-ig, which the qualification names/);
    expect(a.alternatives.every((x) => x.alternatives.length === 0 && x.profession === null)).toBe(true);
  });

  it('before the decision was published, the answer assuming no profession leads and says so', () => {
    const a = answersFor(VIG, 'DE-NW', '2025-01-15', [decision()]);
    expect(a).toMatchObject({ route: 'INDIVIDUAL_ASSESSMENT', assumedProfession: null, expectedOutcome: { basis: 'NONE' } });
    expect(a.caveats.at(-1)).toMatch(/assumes none; the alternatives give the answer for each profession/);
    expect(a.alternatives.map((x) => x.assumedProfession)).toEqual(['verzorgende-ig']);
  });

  it('mbo Verpleegkundige → DE: the nurse rule leads, for the profession it names', () => {
    const a = answersFor(VERPLEEGKUNDIGE, 'DE', '2025-01-01', []);
    expect(a).toMatchObject({ route: 'AUTOMATIC_PROFESSIONAL_RECOGNITION', assumedProfession: 'nurse-general-care', profession: null });
    expect(a.alternatives.map((x) => [x.assumedProfession, x.route])).toEqual([
      [null, 'INDIVIDUAL_ASSESSMENT'],
      ['verpleegkundige', 'UNKNOWN_REGULATION'],
    ]);
  });

  it('ranks rule-based professional recognition, then binding decisions, then level recognition, then comparisons', () => {
    const ranks = [
      advise({ ...base, query: q(VERPLEEGKUNDIGE, 'DE', '2025-01-01', { profession: 'nurse-general-care' }) }),
      advise({ ...base, query: q(VIG, 'DE-NW', '2025-03-01', { profession: 'altenpfleger' }), decision: decision(), reference }),
      advise({ ...base, query: q(BACHELOR, 'BE-VLG', '2016-01-01') }),
      advise({ ...base, query: q(VIG, 'DE', '2025-04-01', { profession: 'altenpfleger' }), decision: decision({ destinationJurisdiction: 'DE-NW' }), reference }),
      advise({ ...base, query: q(VIG, 'DE-NW', '2025-03-01', { profession: 'altenpfleger' }), reference, comparison: { id: 'c', verdict: 'PARTIAL', adaptationMonths: 6, aptitudeTestTopics: [], createdAt: '2025-01-01T00:00:00Z' } }),
      advise({ ...base, query: q(VIG, 'DE-NW', '2025-03-01', { profession: 'altenpfleger' }) }),
      advise({ ...base, query: q(VIG, 'DE-NW', '2025-03-01') }),
    ].map(answerRank);
    expect(ranks).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('no text names a decision or comparison by id, and no word is doubled, in any language', () => {
    const comparison = { id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', verdict: 'PARTIAL' as const, adaptationMonths: 14, aptitudeTestTopics: ['Responsibility and autonomy at EQF level 4'], createdAt: '2025-01-01T00:00:00Z' };
    for (const lang of ['en', 'nl', 'de'] as const) {
      const all = [
        answersFor(VIG, 'DE-NW', '2025-03-01', [decision()], lang),
        answersFor(VIG, 'DE', '2025-04-01', [decision({ destinationJurisdiction: 'DE-NW' })], lang),
        answersFor(VERPLEEGKUNDIGE, 'DE', '2025-01-01', [], lang),
        advise({ ...base, lang, query: q(VIG, 'DE-NW', '2025-01-01', { profession: 'altenpfleger' }), reference, comparison }),
        advise({ ...base, lang, query: q({ ...VIG, key: 'nl-mbo-software-developer', eqfLevel: 4 }, 'DE', '2025-01-01', { profession: 'software-developer' }), reference, comparison }),
      ].flatMap(texts);
      expect(all.flatMap(rawUuids)).toEqual([]);
      expect(all.flatMap(repeatedWords)).toEqual([]);
    }
  });
});
