import { log } from "../log/logger";

export interface PeriodicJob {
  /** Stops the timer and waits for a run in progress, so a shutdown never cuts one in half. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `tickMs`, never two at once: a run that outlasts the tick makes the next one
 * wait for the following tick. A failed run is logged and the next one goes ahead. With
 * `immediately`, the first run starts now: a job with a long tick still runs on a leader that
 * does not lead for long.
 */
export function periodicJob(name: string, tickMs: number, run: () => Promise<unknown>, options: { immediately?: boolean } = {}): PeriodicJob {
  let current: Promise<unknown> | undefined;
  const tick = () => {
    if (current) return;
    current = run()
      .catch((error: unknown) => log.warn({ err: error, job: name }, `${name}: run failed`))
      .finally(() => (current = undefined));
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  if (options.immediately) tick();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
