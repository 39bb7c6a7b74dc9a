import type { NextFunction, Request, Response } from 'express';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted (PostgreSQL refuses NUL; lone surrogates are not Unicode), or null. */
export function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}

export interface JsonProblem {
  field: string;
  message: string;
}

function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * The first thing in a parsed JSON value that must not reach the service: nesting deeper than maxDepth
 * (every later JSON.stringify, zod parse or canonicalisation recurses), or a bad string or key.
 * Iterative, so a 10,000-level document cannot overflow the stack here either.
 */
export function findJsonProblem(root: unknown, maxDepth: number): JsonProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) return { field: path || '(body)', message: problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return { field: path || '(body)', message: `nests deeper than ${maxDepth} levels` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: pathOf(path, i), depth: depth + 1 });
    } else {
      for (const [k, v] of Object.entries(value)) {
        const keyProblem = stringProblem(k);
        if (keyProblem) return { field: pathOf(path, k), message: `key ${keyProblem}` };
        stack.push({ value: v, path: pathOf(path, k), depth: depth + 1 });
      }
    }
  }
  return null;
}

/** Express middleware after the JSON body parser: refuses hostile bodies with a 400 naming the field. */
export function jsonGuard(maxDepth: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const problem = req.body && typeof req.body === 'object' ? findJsonProblem(req.body, maxDepth) : null;
    if (!problem) return next();
    res.status(400).json({ errors: [{ message: `${problem.field}: ${problem.message}`, extensions: { code: 'BAD_USER_INPUT', field: problem.field } }] });
  };
}
