import { z } from 'zod';
import { AppError, formatPath } from './app-error';
import { parseOrThrow } from './zod-problems';

describe('errors', () => {
  it('formats JSON paths', () => {
    expect(formatPath(['units', 0, 'outcomes', 2, 'dimension'], 'document')).toBe('document.units[0].outcomes[2].dimension');
    expect(formatPath([])).toBe('(root)');
  });

  it('parseOrThrow names the field', () => {
    const schema = z.object({ eqfLevel: z.number().max(8) });
    try {
      parseOrThrow(schema, { eqfLevel: 9 }, 'document');
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('BAD_USER_INPUT');
      expect((e as AppError).message).toMatch(/^document\.eqfLevel: /);
    }
  });
});
