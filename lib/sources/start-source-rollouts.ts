import { periodicJob, type PeriodicJob } from "../lifecycle/periodic-job";
import { reconcileRollouts } from "./reconcile-rollouts";

/** How often the leader follows the sources' targets and retries pending clusters. */
const TICK_MS = 10_000;

/** The leader's source rollout job: see reconcileRollouts. */
export function startSourceRollouts(options: { tickMs?: number } = {}): PeriodicJob {
  return periodicJob("source rollouts", options.tickMs ?? TICK_MS, () => reconcileRollouts(), { immediately: true });
}
