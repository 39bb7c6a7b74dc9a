/**
 * Writes that arrive while the event loop is busy go to the database together: the first one schedules a flush
 * for after the current I/O callbacks, and everything submitted until then (up to `max`) is written by one call.
 * Under load that is one statement and one commit for several issuances instead of one each; alone, a write
 * waits no longer than one turn of the loop.
 */
export class GroupedWrites<T, R> {
  private queue: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;

  /** `write` answers every item, in order: its result, or an Error for that item alone. */
  constructor(
    private readonly write: (items: T[]) => Promise<Array<R | Error>>,
    private readonly max = 32,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length) {
      const group = this.queue.splice(0, this.max);
      this.write(group.map((g) => g.item)).then(
        (results) => group.forEach((g, i) => (results[i] instanceof Error ? g.reject(results[i]) : results[i] === undefined ? g.reject(new Error('no result for a grouped write')) : g.resolve(results[i] as R))),
        (e) => group.forEach((g) => g.reject(e)),
      );
    }
  }
}

/**
 * A group write that one bad item must not sink: when `write` fails for several items, each is written again on its
 * own, so only the item at fault gets the error. `whole` turns an error about the group as such (not about one of
 * its items) into one outcome for every item instead.
 */
export function isolatingFailures<T, R>(write: (items: readonly T[]) => Promise<R[]>, whole: (e: unknown) => R | undefined = () => undefined): (items: readonly T[]) => Promise<Array<R | Error>> {
  const attempt = async (items: readonly T[]): Promise<Array<R | Error>> => {
    try {
      return await write(items);
    } catch (e) {
      const shared = whole(e);
      if (shared !== undefined) return items.map(() => shared);
      if (items.length === 1) return [e instanceof Error ? e : new Error(String(e))];
      return Promise.all(items.map(async (item) => (await attempt([item]))[0]));
    }
  };
  return attempt;
}
