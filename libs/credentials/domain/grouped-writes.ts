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
