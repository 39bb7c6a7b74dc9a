import { CoalescedRead } from './coalesced-read';

/** A read whose answers the test releases one by one; each answer is the number of the read. */
function controlledReads() {
  const pending: Array<{ n: number; resolve: (n: number) => void; reject: (e: Error) => void }> = [];
  let started = 0;
  const read = () =>
    new Promise<number>((resolve, reject) => {
      started++;
      pending.push({ n: started, resolve, reject });
    });
  const finish = async (fail = false) => {
    const r = pending.shift()!;
    if (fail) r.reject(new Error(`read ${r.n} failed`));
    else r.resolve(r.n);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { read, finish, started: () => started };
}

describe('CoalescedRead', () => {
  it('starts a read at once when none is running', async () => {
    const c = controlledReads();
    const shared = new CoalescedRead(c.read);
    const a = shared.get();
    expect(c.started()).toBe(1);
    await c.finish();
    await expect(a).resolves.toBe(1);
  });

  it('never hands a caller a read that began before it arrived, and shares the next one among the waiting', async () => {
    const c = controlledReads();
    const shared = new CoalescedRead(c.read);
    const first = shared.get();
    const second = shared.get();
    const third = shared.get();
    expect(c.started()).toBe(1); // the two late callers wait for the running read to end
    await c.finish();
    await expect(first).resolves.toBe(1);
    expect(c.started()).toBe(2); // then one read serves both
    const fourth = shared.get(); // arrives while read 2 runs: gets read 3
    await c.finish();
    await expect(second).resolves.toBe(2);
    await expect(third).resolves.toBe(2);
    await c.finish();
    await expect(fourth).resolves.toBe(3);
    expect(c.started()).toBe(3);
  });

  it('a failed read fails only its own callers; the waiting get a fresh read', async () => {
    const c = controlledReads();
    const shared = new CoalescedRead(c.read);
    const first = shared.get();
    const second = shared.get();
    await c.finish(true);
    await expect(first).rejects.toThrow('read 1 failed');
    await c.finish();
    await expect(second).resolves.toBe(2);
    const third = shared.get();
    expect(c.started()).toBe(3);
    await c.finish();
    await expect(third).resolves.toBe(3);
  });
});
