import { startExpiryWorker } from "../autosync/start-expiry-worker";
import { startDeploymentBuilder } from "../deployments";
import { startDriftCollector } from "../drift";
import { driftContextFor, driftEngine } from "../drift/drift-engine";
import { inventory } from "../inventory";
import { LeaderLease } from "../leadership/leader-lease";
import { log } from "../log/logger";
import { startIntentRecovery } from "../recovery";
import { startRetentionJob } from "../retention";
import { startSyncHistoryCollector } from "../sync-history";
import { startSourceRollouts } from "../sources";
import type { PeriodicJob } from "./periodic-job";

export interface Background {
  readonly lease: LeaderLease;
  /** Stops the leader's jobs, the watchers and the persister's last flush, then hands back the lease. */
  stop(): Promise<void>;
}

const globalForBackground = globalThis as unknown as { synclineBackground?: Background };

/**
 * Everything a Syncline server runs besides answering requests. Every replica watches every
 * cluster, so each serves reads and live updates from its own store; only the leader writes:
 * the persister, the expiry worker, the drift and sync history collectors and the other periodic jobs. Kept on globalThis because
 * Next.js bundles lib/ apart from the server script that stops it (scripts/serve-dashboard.ts).
 */
export async function startBackground(): Promise<Background> {
  if (globalForBackground.synclineBackground) return globalForBackground.synclineBackground;
  let jobs: PeriodicJob[] = [];
  const lease = new LeaderLease({
    async elected() {
      await inventory().setWriter(true);
      jobs = [startIntentRecovery(), startExpiryWorker(), startRetentionJob(), startDriftCollector({ engine: driftEngine, contextFor: driftContextFor }), startSyncHistoryCollector(), startDeploymentBuilder(), startSourceRollouts()];
    },
    async deposed() {
      const stopping = jobs;
      jobs = [];
      await Promise.all(stopping.map((job) => job.stop()));
      await inventory().setWriter(false);
    },
  });
  const background: Background = {
    lease,
    async stop() {
      await Promise.all(jobs.map((job) => job.stop()));
      jobs = [];
      // The last flush happens here, while this replica still holds the lease.
      await inventory().stop();
      await lease.stop();
      globalForBackground.synclineBackground = undefined;
    },
  };
  globalForBackground.synclineBackground = background;
  await inventory()
    .start({ writer: false })
    .catch((error: unknown) => log.error({ err: error }, "inventory: failed to start; cluster views will be empty until restart"));
  await lease.start();
  return background;
}

/** The running background, for the server's shutdown; undefined before start or after stop. */
export function runningBackground(): Background | undefined {
  return globalForBackground.synclineBackground;
}
