import { rawUuids, repeatedWords } from './text-quality';

describe('text checks', () => {
  it('find a word repeated immediately, in any case, also across an opening quote', () => {
    expect(repeatedWords('based on the published expert decision decision cc9e')).toEqual(['decision decision']);
    expect(repeatedWords('Die die Katze')).toEqual(['Die die']);
    expect(repeatedWords('Über über alles')).toEqual(['Über über']);
    expect(repeatedWords('the decision “Decision of 2025”')).toEqual(['decision “Decision']);
  });

  it('leave numbers, words that only start alike, and words apart alone', () => {
    expect(repeatedWords('duration 36 / 36 months')).toEqual([]);
    expect(repeatedWords('unknown / unknown')).toEqual([]);
    expect(repeatedWords('the theory')).toEqual([]);
    expect(repeatedWords('1200 h ÷ 160 h a month')).toEqual([]);
  });

  it('find raw UUIDs', () => {
    expect(rawUuids('decision cc9e1234-1111-4111-8111-123456789abc of today')).toEqual(['cc9e1234-1111-4111-8111-123456789abc']);
    expect(rawUuids('rule benelux-m-2015-3 v1')).toEqual([]);
  });
});
