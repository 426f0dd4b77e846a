import type { PeriodicJob } from "../lifecycle/periodic-job";
import { periodicJob } from "../lifecycle/periodic-job";
import { log } from "../log/logger";
import { enforceRetention } from "./enforce-retention";
import { retentionSettingsFromEnv, type RetentionSettings } from "./retention-settings";

// Read when the server loads its background (instrumentation.ts imports it at start on every
// replica), so a bad setting stops the start with the variable's name rather than surfacing in a
// log line only once this replica is elected.
const settingsAtStart = retentionSettingsFromEnv();

/**
 * Enforces retention every `settings.tickMs` (SYNCLINE_RETENTION_TICK_MS, an hour by default). It
 * runs on the leader only (lib/lifecycle/background-writers.ts), first as soon as it is elected. Stopping it ends a run between
 * two batches, so a large backlog never holds up a shutdown; the next leader carries on.
 */
export function startRetentionJob(settings: RetentionSettings = settingsAtStart): PeriodicJob {
  const stopping = new AbortController();
  const job = periodicJob("retention", settings.tickMs, async () => {
    const deleted = await enforceRetention(new Date(), settings, { signal: stopping.signal });
    log.info({ deleted }, "retention: removed rows past their retention");
  }, { immediately: true });
  return {
    async stop() {
      stopping.abort();
      await job.stop();
    },
  };
}
