import { periodicJob, type PeriodicJob } from "../lifecycle/periodic-job";
import { expireSuspensions } from "./expire-suspensions";

/**
 * Checks for expired suspensions every `tickMs` (SYNCLINE_EXPIRY_TICK_MS, 15 s by default; tests
 * pass a short tick). It runs on the leader only (lib/lifecycle/background-writers.ts).
 */
export function startExpiryWorker(tickMs = Number(process.env.SYNCLINE_EXPIRY_TICK_MS ?? 15_000)): PeriodicJob {
  return periodicJob("autosync expiry", tickMs, () => expireSuspensions());
}
