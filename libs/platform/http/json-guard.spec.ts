import { findJsonProblem, stringProblem } from './json-guard';

describe('JSON guard', () => {
  it('accepts ordinary documents, including astral characters (surrogate pairs)', () => {
    expect(findJsonProblem({ a: [1, 'x', { b: 'Königstraße 😀' }], c: null }, 64)).toBeNull();
  });

  it('refuses NUL and lone surrogates in values and keys, naming the path', () => {
    expect(findJsonProblem({ variables: { c: { credentialSubject: { name: 'a\u0000b' } } } }, 64)).toEqual({
      field: 'variables.c.credentialSubject.name',
      message: 'contains a NUL character (\\u0000)',
    });
    expect(findJsonProblem({ list: ['ok', 'x\uD800'] }, 64)?.field).toBe('list[1]');
    expect(findJsonProblem({ list: ['\uDC00y'] }, 64)?.message).toMatch(/lone UTF-16 surrogate/);
    expect(findJsonProblem({ ['bad\u0000key']: 1 }, 64)).toEqual({ field: '["bad\\u0000key"]', message: 'key contains a NUL character (\\u0000)' });
  });

  it('bounds nesting without recursion: a 100,000-level document is refused at the limit', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { n: deep };
    const problem = findJsonProblem({ credential: deep }, 64);
    expect(problem?.message).toBe('nests deeper than 64 levels');
    expect(problem?.field.split('.').length).toBe(64);
    let arr: unknown = [];
    for (let i = 0; i < 70; i++) arr = [arr];
    expect(findJsonProblem(arr, 64)?.field).toMatch(/^(\[0\]){64}$/);
    let ok: unknown = 1;
    for (let i = 0; i < 63; i++) ok = [ok];
    expect(findJsonProblem(ok, 64)).toBeNull();
  });

  it('names the reason for a string', () => {
    expect(stringProblem('plain')).toBeNull();
    expect(stringProblem('\uD83D\uDE00')).toBeNull();
    expect(stringProblem('\uDE00\uD83D')).toMatch(/surrogate/);
  });
});
