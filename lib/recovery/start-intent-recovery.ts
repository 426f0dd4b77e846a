import { periodicJob, type PeriodicJob } from "../lifecycle/periodic-job";
import { completeInterruptedIntents } from "./complete-interrupted-intents";

/**
 * Looks for interrupted intents every `tickMs` (SYNCLINE_RECOVERY_TICK_MS, 5 s by default) and
 * once straight away: the leader that just took over is the one to complete what its predecessor left.
 */
export function startIntentRecovery(tickMs = Number(process.env.SYNCLINE_RECOVERY_TICK_MS ?? 5_000)): PeriodicJob {
  return periodicJob("recovery", tickMs, completeInterruptedIntents, { immediately: true });
}
