const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier holder of `key` has finished: one fetch or creation per cached
 * repository at a time in this process. The data folder belongs to one process
 * (lib/db/data-dir-lock.ts), and git's own ref locks guard the rest.
 */
export function withRepositoryLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
