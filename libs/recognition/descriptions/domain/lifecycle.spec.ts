import type { Actor } from '../../../platform/auth/actor';
import { BinationalDescriptionSchema } from './description.schema';
import { approvalFor, covers, pendingCountries, textFor } from './lifecycle';

const doc = BinationalDescriptionSchema.parse({
  key: 'vig-de-nw',
  title: { en: 'Verzorgende-IG for North Rhine-Westphalia' },
  sides: [
    { jurisdiction: 'NL', qualificationKeys: ['nl-mbo-25656-verzorgende-ig'], professions: ['verzorgende-ig'] },
    { jurisdiction: 'DE-NW', professions: ['altenpfleger'] },
  ],
  content: { de: { canDo: ['Grundpflege'] }, nl: { canDo: ['Basiszorg'], workSettings: ['Thuiszorg'] } },
});
const expert = (subject: string, jurisdictions: string[]): Actor => ({ subject, role: 'expert', jurisdictions });

describe('binational description schema', () => {
  it('needs two sides of two different countries and at least one language', () => {
    const bad = BinationalDescriptionSchema.safeParse({ ...doc, sides: [doc.sides[0], { jurisdiction: 'NL', professions: ['x'] }], content: {} });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sides.1.jurisdiction', 'content']));
    expect(BinationalDescriptionSchema.safeParse({ ...doc, sides: [doc.sides[0]] }).success).toBe(false);
    expect(BinationalDescriptionSchema.safeParse({ ...doc, sides: [doc.sides[0], { jurisdiction: 'DE' }] }).error!.issues[0].path).toEqual(['sides', 1]);
  });
});

describe('approvals', () => {
  it('the author never approves; each country needs an expert of its own; one approval per expert', () => {
    expect(approvalFor(expert('nl-1', ['NL']), doc, 'nl-1', [])).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: expect.stringMatching(/author/) });
    expect(approvalFor({ subject: 'adm', role: 'admin', jurisdictions: [] }, doc, 'nl-1', [])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(approvalFor(expert('be-1', ['BE']), doc, 'nl-1', [])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(approvalFor(expert('ni-1', ['DE-NI']), doc, 'nl-1', [])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(approvalFor(expert('de-1', ['DE']), doc, 'nl-1', [])).toEqual({ ok: true, country: 'DE' });
    const afterDe = [{ approver: 'de-1', country: 'DE' }];
    expect(pendingCountries(doc, afterDe)).toEqual(['NL']);
    expect(approvalFor(expert('de-1', ['DE']), doc, 'nl-1', afterDe)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(approvalFor(expert('de-2', ['DE-NW']), doc, 'nl-1', afterDe)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(approvalFor(expert('nl-2', ['NL']), doc, 'nl-1', afterDe)).toEqual({ ok: true, country: 'NL' });
    expect(pendingCountries(doc, [...afterDe, { approver: 'nl-2', country: 'NL' }])).toEqual([]);
  });

  it('an expert of both countries approves for one of them only', () => {
    const both = expert('both', ['NL', 'DE']);
    expect(approvalFor(both, doc, 'nl-1', [])).toEqual({ ok: true, country: 'NL' });
    expect(approvalFor(both, doc, 'nl-1', [{ approver: 'both', country: 'NL' }])).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('coverage and text', () => {
  const q = { qualificationKey: 'nl-mbo-25656-verzorgende-ig', qualificationJurisdiction: 'NL', professions: [] as string[], destination: 'DE-NW' };
  it('covers the qualification going to the other side, its Land or its country', () => {
    expect(covers(doc, q)).toBe(true);
    expect(covers(doc, { ...q, destination: 'DE' })).toBe(true);
    expect(covers(doc, { ...q, destination: 'DE-NI' })).toBe(false);
    expect(covers(doc, { ...q, destination: 'BE-VLG' })).toBe(false);
    expect(covers(doc, { ...q, qualificationKey: 'other', professions: ['verzorgende-ig'] })).toBe(true);
    expect(covers(doc, { ...q, qualificationKey: 'other' })).toBe(false);
    // A German Altenpfleger going to NL is covered from the other side.
    expect(covers(doc, { qualificationKey: 'de-x', qualificationJurisdiction: 'DE-NW', professions: ['altenpfleger'], destination: 'NL' })).toBe(true);
  });
  it('gives the language asked for, else falls back', () => {
    expect(textFor(doc, 'nl')).toEqual({ lang: 'nl', text: { canDo: ['Basiszorg'], workSettings: ['Thuiszorg'], differences: [] } });
    expect(textFor(doc, 'en').lang).toBe('nl');
    expect(textFor(doc, 'de').text.canDo).toEqual(['Grundpflege']);
  });
});
