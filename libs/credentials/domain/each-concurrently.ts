/**
 * Runs `work` over the items with at most `limit` in flight, starting no new item once `go()` says stop. The first
 * failure stops new items and is thrown after the items in flight have settled.
 */
export async function eachConcurrently<T>(items: readonly T[], limit: number, go: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  let failure: unknown;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length && go()) {
      const item = items[next++];
      try {
        await work(item);
      } catch (e) {
        if (!failed) failure = e;
        failed = true;
      }
    }
  };
  const lanes = Math.min(Number.isInteger(limit) && limit >= 1 ? limit : 1, items.length);
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failed) throw failure;
}
