import { QualificationFileSchema } from './qualification-file.schema';

const minimal = {
  key: 'nl-test',
  jurisdiction: 'NL',
  kind: 'VOCATIONAL',
  title: { nl: 'Test' },
  framework: 'NLQF',
  nationalLevel: '3',
  eqfLevel: 3,
  sources: [{ url: 'https://example.org/a' }],
};

describe('QualificationFileSchema', () => {
  it('accepts a minimal file and fills defaults', () => {
    const parsed = QualificationFileSchema.parse(minimal);
    expect(parsed.units).toEqual([]);
    expect(parsed.workload.routes).toEqual([]);
  });

  it('rejects EQF 9 with the path', () => {
    const r = QualificationFileSchema.safeParse({ ...minimal, eqfLevel: 9 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['eqfLevel']);
  });

  it('rejects an outcome without a dimension', () => {
    const r = QualificationFileSchema.safeParse({
      ...minimal,
      units: [{ key: 'u', kind: 'MODULE', title: { en: 'U' }, outcomes: [{ key: 'o', text: 'x', lang: 'en' }] }],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['units', 0, 'outcomes', 0, 'dimension']);
  });

  it('rejects an empty title', () => {
    const r = QualificationFileSchema.safeParse({ ...minimal, title: {} });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['title']);
  });
});
