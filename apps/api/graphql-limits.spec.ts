import { parse } from 'graphql';
import { hasBrokenFragments } from './graphql-limits';

describe('fragment checks before the depth limit', () => {
  it.each([
    ['a two-fragment cycle', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }', true],
    ['a self-reference', 'query { ...A } fragment A on Query { x ...A }', true],
    ['an unknown fragment', 'query { ...Missing }', true],
    ['a cycle not reached from the operation', 'query { x } fragment A on Query { ...B } fragment B on Query { ...A }', true],
    ['a fragment used twice (no cycle)', 'query { ...A ...B } fragment A on Query { x ...B } fragment B on Query { y }', false],
    ['no fragments', 'query { a { b } }', false],
  ])('%s', (_label, query, broken) => {
    expect(hasBrokenFragments(parse(query))).toBe(broken);
  });
});
