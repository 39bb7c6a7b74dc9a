import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare, DEFAULT_POLICY } from '.';
import { THRESHOLD_PARAMS } from './parameters';
import type { ExperienceEvidence } from './types';

const load = (key: string): QualificationFile =>
  QualificationFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../seeds/qualifications', `${key}.json`), 'utf8')));

const PAIRS: Array<[string, string]> = [
  ['nl-mbo-25656-verzorgende-ig', 'de-pflbg-altenpfleger'],
  ['nl-mbo-25656-verzorgende-ig', 'de-altpflg-altenpfleger'],
  ['nl-mbo-software-developer', 'de-fiausbv-fachinformatiker-anwendungsentwicklung'],
  ['de-pflbg-altenpfleger', 'de-pflbg-pflegefachperson'],
  ['de-pflbg-pflegefachperson', 'de-pflbg-altenpfleger'],
  ['nl-hbo-v-bachelor-nursing', 'nl-mbo-verpleegkundige'],
];

describe('threshold sensitivity skips only the moves that cannot change anything', () => {
  it.each(PAIRS)('%s → %s: every move’s verdict is the verdict of the comparison with that threshold moved', (h, r) => {
    const holder = load(h);
    const reference = load(r);
    const evidence: ExperienceEvidence[] = [{ years: 2, escoSkills: reference.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)).slice(0, 5) }];
    for (const ev of [[], evidence]) {
      const report = compare(holder, reference, DEFAULT_POLICY, ev);
      expect(report.sensitivity.moves.length).toBe(2 * THRESHOLD_PARAMS.length);
      for (const m of report.sensitivity.moves) {
        const moved = compare(holder, reference, { ...DEFAULT_POLICY, id: 'moved', params: { ...DEFAULT_POLICY.params, [m.param]: m.moved } }, ev);
        expect(`${m.param}=${m.moved}: ${m.verdict}`).toBe(`${m.param}=${m.moved}: ${moved.verdict}`);
      }
    }
  });
});
