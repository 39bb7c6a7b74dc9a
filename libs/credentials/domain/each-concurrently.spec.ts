import { eachConcurrently } from './each-concurrently';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('eachConcurrently', () => {
  it('works every item once with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await eachConcurrently([...Array(50).keys()], 4, () => true, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick();
      seen.push(i);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    expect(most).toBe(4);
  });

  it('starts no new item once go() says stop', async () => {
    const seen: number[] = [];
    await eachConcurrently([...Array(20).keys()], 2, () => seen.length < 5, async (i) => {
      await tick();
      seen.push(i);
    });
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeLessThanOrEqual(6);
  });

  it('throws the first failure after the items in flight settle, starting no more', async () => {
    const done: number[] = [];
    const run = eachConcurrently([...Array(20).keys()], 3, () => true, async (i) => {
      await tick();
      if (i === 4) throw new Error('database away');
      done.push(i);
    });
    await expect(run).rejects.toThrow('database away');
    expect(done.length).toBeLessThan(19);
    expect(done).not.toContain(19);
  });

  it('treats a missing or bad limit as one lane', async () => {
    let most = 0;
    let inFlight = 0;
    await eachConcurrently([1, 2, 3], Number.NaN, () => true, async () => {
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight--;
    });
    expect(most).toBe(1);
  });
});
