import { periodicJob, type PeriodicJob } from "../lifecycle/periodic-job";
import { log } from "../log/logger";
import { buildDeployments } from "./build-deployments";

/**
 * The leader's deployment builder (lib/lifecycle/background-writers.ts): every `intervalMs` it
 * turns new applied steps into deployments and retries the commits of those whose Git host was
 * down. Stopping it ends a run between two deployments.
 */
export function startDeploymentBuilder(options: { intervalMs?: number } = {}): PeriodicJob {
  const stopping = new AbortController();
  const job = periodicJob(
    "deployments",
    options.intervalMs ?? 10_000,
    async () => {
      const counts = await buildDeployments({ signal: stopping.signal });
      if (counts.created > 0 || counts.unavailable > 0) log.info({ ...counts }, "deployments: built from applied steps");
    },
    { immediately: true },
  );
  return {
    async stop() {
      stopping.abort();
      await job.stop();
    },
  };
}
