import { log } from "../log/logger";

export interface ShutdownStep {
  /** What the step has done, as its log line reads: "shutdown: <done>". */
  done: string;
  /** May return fields for the log line (counts, say). */
  run(): Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
}

export interface Shutdown {
  /** Runs the steps once (a second call joins the first), then exits the process with `exitCode`. */
  begin(reason: string, exitCode?: number): Promise<void>;
}

/**
 * Stops the process on the first SIGTERM or SIGINT by running `steps` in order, each logged at
 * info, then exiting. A failing step is logged and the next one still runs, so one broken part
 * never keeps the rest (the database, above all) from closing. Whatever still runs after
 * `deadlineMs` is cut short, logged, with exit code 1: an orchestrator waits only so long
 * before it kills the process anyway, and then nothing at all would be logged.
 */
export function shutdownOnSignals(options: { deadlineMs: number; steps: () => ShutdownStep[] }): Shutdown {
  let stopping: Promise<void> | undefined;
  const begin = (reason: string, exitCode = 0): Promise<void> => {
    if (stopping) return stopping;
    const startedAt = Date.now();
    log.info({ reason, pid: process.pid }, `shutdown: ${reason}; stopping`);
    const deadline = setTimeout(() => {
      log.error({ deadlineMs: options.deadlineMs }, `shutdown: not finished within ${options.deadlineMs} ms; exiting anyway`);
      process.exit(1);
    }, options.deadlineMs);
    stopping = (async () => {
      for (const step of options.steps()) {
        try {
          const fields = await step.run();
          log.info({ ...fields, ms: Date.now() - startedAt }, `shutdown: ${step.done}`);
        } catch (error) {
          log.warn({ err: error, ms: Date.now() - startedAt }, `shutdown: failed before "${step.done}"; going on`);
        }
      }
      clearTimeout(deadline);
      log.info({ ms: Date.now() - startedAt, exitCode }, "shutdown: done");
      process.exit(exitCode);
    })();
    return stopping;
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) log.info({ signal }, "shutdown: already stopping");
      void begin(`${signal} received`);
    });
  }
  return { begin };
}
