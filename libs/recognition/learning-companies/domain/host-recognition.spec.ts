import type { Actor } from '../../../platform/auth/actor';
import { editRefusal, hostRecognition } from './host-recognition';
import { LearningCompanySchema } from './learning-company.schema';

const src = [{ url: 'https://example.org/test-fixture' }];
const ihk = { name: 'IHK Nord Westfalen', jurisdiction: 'DE-NW' };
const sbb = { name: 'SBB', jurisdiction: 'NL' };
const company = LearningCompanySchema.parse({
  key: 'pflegeheim-gronau',
  name: 'Pflegeheim Gronau (test fixture)',
  jurisdiction: 'DE-NW',
  recognitions: [
    { recognisingBody: ihk, programmes: ['move-care'], validFrom: '2024-01-01', validUntil: '2025-12-31', sources: src, acceptedBy: [{ body: sbb, validFrom: '2025-01-01', sources: src }] },
  ],
});
const q = { programme: 'move-care', startDate: '2025-03-03', endDate: '2025-03-14', issuerJurisdiction: 'NL' };
const expert = (jurisdictions: string[]): Actor => ({ subject: 'e', role: 'expert', jurisdictions });

describe('host recognition at the time of the activity', () => {
  it('a German company recognised by its chamber and accepted by SBB counts for a Dutch unit', () => {
    expect(hostRecognition(company, q)).toMatchObject({ recognised: true, reason: 'HOST_RECOGNISED', message: expect.stringMatching(/IHK Nord Westfalen \(DE-NW\), accepted by SBB \(NL\)/) });
    expect(hostRecognition(company, { ...q, issuerJurisdiction: 'DE-NW' })).toMatchObject({ recognised: true, message: expect.not.stringMatching(/accepted/) });
  });
  it('before the acceptance only abroad; outside the validity or the programme not at all', () => {
    expect(hostRecognition(company, { ...q, startDate: '2024-11-01', endDate: '2024-11-10' })).toMatchObject({ recognised: false, reason: 'HOST_RECOGNISED_ABROAD_ONLY' });
    expect(hostRecognition(company, { ...q, startDate: '2025-12-20', endDate: '2026-01-10' })).toMatchObject({ recognised: false, reason: 'HOST_NOT_RECOGNISED' });
    expect(hostRecognition(company, { ...q, programme: 'other' })).toMatchObject({ recognised: false, reason: 'HOST_NOT_RECOGNISED', message: expect.stringMatching(/programme "other"/) });
  });
  it('a recognition without scope covers every programme', () => {
    const general = LearningCompanySchema.parse({ ...company, recognitions: [{ recognisingBody: sbb, validFrom: '2020-01-01', sources: src }] });
    expect(hostRecognition(general, { ...q, programme: 'anything' }).recognised).toBe(true);
  });
  it('an acceptance is by a body of another country', () => {
    const bad = LearningCompanySchema.safeParse({ ...company, recognitions: [{ ...company.recognitions[0], acceptedBy: [{ body: { name: 'IHK', jurisdiction: 'DE' }, validFrom: '2025-01-01', sources: src }] }] });
    expect(bad.error!.issues[0].path).toEqual(['recognitions', 0, 'acceptedBy', 0, 'body', 'jurisdiction']);
  });
});

describe('who may edit a company entry', () => {
  const withoutAcceptance = LearningCompanySchema.parse({ ...company, recognitions: [{ ...company.recognitions[0], acceptedBy: [] }] });
  it('a DE expert enters the company with its chamber recognition; an NL expert adds SBB’s acceptance, nothing else', () => {
    expect(editRefusal(expert(['DE']), null, withoutAcceptance)).toBeNull();
    expect(editRefusal(expert(['NL']), null, withoutAcceptance)).toMatch(/no body of theirs/);
    expect(editRefusal(expert(['NL']), withoutAcceptance, company)).toBeNull();
    const longer = LearningCompanySchema.parse({ ...company, recognitions: [{ ...company.recognitions[0], validUntil: '2030-12-31' }] });
    expect(editRefusal(expert(['NL']), company, longer)).toMatch(/only recognitions and acceptances by bodies of their own/);
    expect(editRefusal(expert(['DE-NW']), company, longer)).toBeNull();
    // The German expert cannot withdraw SBB's acceptance.
    expect(editRefusal(expert(['DE']), company, withoutAcceptance)).toMatch(/only recognitions and acceptances/);
    expect(editRefusal(expert(['NL']), company, { ...company, name: 'Renamed' })).toMatch(/name or place/);
    expect(editRefusal({ subject: 's', role: 'school', jurisdictions: [] }, null, company)).toMatch(/role "school"/);
    // A stored document comes back with its keys in another order: that is no change.
    const reordered = JSON.parse(JSON.stringify(withoutAcceptance, Object.keys(withoutAcceptance.recognitions[0]).reverse().concat(['key', 'name', 'jurisdiction', 'recognitions', 'name', 'url'])));
    expect(Object.keys(reordered.recognitions[0])).not.toEqual(Object.keys(withoutAcceptance.recognitions[0]));
    expect(editRefusal(expert(['NL']), { ...withoutAcceptance, recognitions: [{ ...reordered.recognitions[0], recognisingBody: ihk }] }, company)).toBeNull();
  });
});
