import { GroupedWrites, isolatingFailures } from './grouped-writes';

describe('GroupedWrites', () => {
  it('writes what was submitted in the same turn with one call, in order, and answers each', async () => {
    const calls: number[][] = [];
    const writes = new GroupedWrites<number, string>(async (items) => {
      calls.push(items);
      return items.map((i) => `wrote ${i}`);
    });
    const answers = await Promise.all([1, 2, 3].map((i) => writes.submit(i)));
    expect(answers).toEqual(['wrote 1', 'wrote 2', 'wrote 3']);
    expect(calls).toEqual([[1, 2, 3]]);
    // A later submission is a new group.
    expect(await writes.submit(4)).toBe('wrote 4');
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('splits a large group at its maximum', async () => {
    const calls: number[][] = [];
    const writes = new GroupedWrites<number, number>(async (items) => {
      calls.push(items);
      return items;
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((i) => writes.submit(i)))).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('an error for one item fails that item only; a failed write fails its whole group', async () => {
    const perItem = new GroupedWrites<number, number>(async (items) => items.map((i) => (i === 2 ? new Error('item 2 refused') : i)));
    const results = await Promise.allSettled([1, 2, 3].map((i) => perItem.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('item 2 refused');

    const failing = new GroupedWrites<number, number>(async () => {
      throw new Error('database gone');
    });
    const all = await Promise.allSettled([1, 2].map((i) => failing.submit(i)));
    expect(all.map((r) => (r.status === 'rejected' ? r.reason.message : 'fulfilled'))).toEqual(['database gone', 'database gone']);
  });

  it('a write that answers fewer items than it was given fails the unanswered ones', async () => {
    const short = new GroupedWrites<number, number>(async (items) => items.slice(0, 1));
    const results = await Promise.allSettled([1, 2].map((i) => short.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });
});

describe('isolatingFailures', () => {
  /** A fake table: a statement with item 13 in it fails as a whole, as a refused row fails an INSERT. */
  const table = () => {
    const statements: number[][] = [];
    const write = async (items: readonly number[]) => {
      statements.push([...items]);
      if (items.includes(13)) throw new Error('row 13 refused');
      return items.map((i) => i * 10);
    };
    return { statements, write };
  };

  it('a group without a bad item is one write', async () => {
    const t = table();
    expect(await isolatingFailures(t.write)([1, 2, 3])).toEqual([10, 20, 30]);
    expect(t.statements).toEqual([[1, 2, 3]]);
  });

  it('one bad item fails alone: the others are written one by one after the group failed', async () => {
    const t = table();
    const results = await isolatingFailures(t.write)([1, 13, 3]);
    expect(results[0]).toBe(10);
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toBe('row 13 refused');
    expect(results[2]).toBe(30);
    expect(t.statements).toEqual([[1, 13, 3], [1], [13], [3]]);
  });

  it('an error about the whole group gives every item the same outcome and writes nothing again', async () => {
    const t = table();
    const moved = new Error('counter moved');
    const results = await isolatingFailures(async (items: readonly number[]) => {
      t.statements.push([...items]);
      throw moved;
    }, (e) => (e === moved ? -1 : undefined))([1, 2]);
    expect(results).toEqual([-1, -1]);
    expect(t.statements).toEqual([[1, 2]]);
  });

  it('a single item that fails gets its error, once', async () => {
    const t = table();
    const [only] = await isolatingFailures(t.write)([13]);
    expect((only as Error).message).toBe('row 13 refused');
    expect(t.statements).toEqual([[13]]);
  });
});
