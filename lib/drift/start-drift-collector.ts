import pLimit from "p-limit";
import { db } from "../db/client";
import type { FleetEvent, FluxKind } from "../fleet/dto";
import { inventory } from "../inventory";
import type { ObjectChange } from "../inventory/snapshot-store";
import { Kustomization, resourceOf } from "../k8s/resources";
import { periodicJob } from "../lifecycle/periodic-job";
import { log } from "../log/logger";
import { attributeCorrection } from "./attribute-correction";
import type { Cluster } from "../db/generated/client";
import { computeClusterDrift, type ComparedObject, type DriftEngine } from "./compute-cluster-drift";
import type { DriftContext } from "./drift-context";
import { inventoryEntries } from "./inventory-entries";
import { InventoryObjectWatches, type WatchedObject } from "./inventory-object-watches";
import { storeDriftReport } from "./store-drift-report";

export interface DriftCollectorOptions {
  /** How long a burst of changes (a kubectl apply of many objects) is waited out before one recompute. */
  debounceMs: number;
  /** How often the leader looks for refreshes that users asked for on any replica. */
  refreshPollMs: number;
  /** Clusters computed at once; each bounds its own reconcilers (RECONCILERS_AT_ONCE). */
  clustersAtOnce: number;
  engine: DriftEngine;
  /** The context one computation of a cluster runs in (lib/drift/drift-engine.ts). */
  contextFor(row: Cluster, signal: AbortSignal): DriftContext;
}

export interface DriftCollector {
  /** Stops every trigger and watch, aborts computations in progress and waits for them. */
  stop(): Promise<void>;
}

/** The kinds whose change can change a report: reconcilers (revision, suspension, readiness) and their sources (artifact). */
const INPUT_KINDS: ReadonlySet<FluxKind> = new Set(["Kustomization", "HelmRelease", "GitRepository", "OCIRepository", "HelmChart"]);

interface ClusterSchedule {
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  /** A trigger arrived during the computation: compute once more when it ends. */
  again: boolean;
  watches: InventoryObjectWatches | undefined;
}

const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * The leader's drift collector (docs/drift.md). A cluster's drift is recomputed when its inputs
 * change, never on a page view: a reconciler or source shows a new revision, suspension or
 * readiness; a watched inventory object changes (metadata-only watches); a user asked for it
 * (POST …/drift/refresh, recorded in the database by any replica); the cluster comes back. One
 * computation at a time per cluster, a trigger during it queues exactly one more, and at most
 * `clustersAtOnce` clusters compute together.
 */
export function startDriftCollector(options: Partial<DriftCollectorOptions> & Pick<DriftCollectorOptions, "engine" | "contextFor">): DriftCollector {
  const settings: DriftCollectorOptions = {
    debounceMs: envNumber("SYNCLINE_DRIFT_DEBOUNCE_MS", 2_000),
    refreshPollMs: envNumber("SYNCLINE_DRIFT_REFRESH_POLL_MS", 1_000),
    clustersAtOnce: 2,
    ...options,
  };
  const store = inventory().store;
  const limit = pLimit(settings.clustersAtOnce);
  const stopping = new AbortController();
  const schedules = new Map<string, ClusterSchedule>();
  const inputs = new Map<string, string>();
  const health = new Map<string, string>();

  const scheduleOf = (clusterId: string) => {
    let schedule = schedules.get(clusterId);
    if (!schedule) schedules.set(clusterId, (schedule = { timer: undefined, running: undefined, again: false, watches: undefined }));
    return schedule;
  };

  function trigger(clusterId: string, delayMs = settings.debounceMs): void {
    if (stopping.signal.aborted) return;
    const schedule = scheduleOf(clusterId);
    if (schedule.running) {
      schedule.again = true;
      return;
    }
    clearTimeout(schedule.timer);
    schedule.timer = setTimeout(() => start(clusterId), delayMs);
    schedule.timer.unref();
  }

  function start(clusterId: string): void {
    const schedule = scheduleOf(clusterId);
    schedule.timer = undefined;
    schedule.running = limit(() => compute(clusterId))
      .catch((error: unknown) => log.warn({ err: error, clusterId }, "drift: computing a cluster's drift failed"))
      .finally(() => {
        schedule.running = undefined;
        if (schedule.again) {
          schedule.again = false;
          trigger(clusterId);
        }
      });
  }

  async function compute(clusterId: string): Promise<void> {
    if (stopping.signal.aborted) return;
    const row = await db().cluster.findUnique({ where: { id: clusterId } });
    const record = store.record(clusterId);
    if (!row || !record) return;
    // Readers show an unreachable cluster as unknown and stale; a refresh asked of it is answered by that.
    if (record.health === "unreachable") {
      await db().driftReport.updateMany({ where: { clusterId }, data: { refreshRequestedAt: null, computingSince: null } });
      return;
    }
    if (record.health === "unknown") return;
    const startedAt = new Date();
    await db().driftReport.upsert({ where: { clusterId }, create: { clusterId, computingSince: startedAt }, update: { computingSince: startedAt } });
    try {
      const computed = await computeClusterDrift(settings.contextFor(row, stopping.signal), settings.engine, () => startedAt);
      if (stopping.signal.aborted) return;
      await storeDriftReport(computed, (episode) => attributeCorrection(episode, reconcilerOf(clusterId, episode.reconcilerKind, episode.reconcilerNamespace, episode.reconcilerName)), startedAt);
      watchesOf(clusterId, row).sync(watchedObjects(clusterId, computed.compared));
    } finally {
      await db().driftReport.updateMany({ where: { clusterId, computingSince: startedAt }, data: { computingSince: null } });
    }
  }

  function reconcilerOf(clusterId: string, kind: string, namespace: string, name: string) {
    return kind === "Kustomization" || kind === "HelmRelease" ? store.object(clusterId, kind, namespace, name) : undefined;
  }

  /** The cluster's watches, on its current action client: a replaced kubeconfig closes the old client, and its watches with it. */
  function watchesOf(clusterId: string, row: Cluster): InventoryObjectWatches {
    const schedule = scheduleOf(clusterId);
    const client = inventory().actionClient(row);
    if (schedule.watches?.client !== client) {
      schedule.watches?.stop();
      schedule.watches = new InventoryObjectWatches(client, () => trigger(clusterId));
    }
    return schedule.watches;
  }

  /** Every Kustomization's current inventory, and the Helm releases' objects the last computation compared. */
  function watchedObjects(clusterId: string, compared: readonly ComparedObject[]): WatchedObject[] {
    const fromInventories = store.objects(clusterId, Kustomization.kind).flatMap((kustomization) =>
      inventoryEntries(kustomization).map((entry) => ({ apiVersion: entry.group ? `${entry.group}/${entry.version}` : entry.version, kind: entry.kind, namespace: entry.namespace, name: entry.name })),
    );
    return [...fromInventories, ...compared];
  }

  const onObjectChange = (change: ObjectChange) => {
    if (!INPUT_KINDS.has(change.kind)) return;
    const key = `${change.clusterId}/${change.kind}/${change.namespace}/${change.name}`;
    const fingerprint = change.object ? inputFingerprint(change.kind, change.object) : "deleted";
    if (inputs.get(key) === fingerprint) return;
    inputs.set(key, fingerprint);
    trigger(change.clusterId);
  };

  const onFleetEvent = (event: FleetEvent) => {
    if (event.type === "cluster-removed") {
      const schedule = schedules.get(event.clusterId);
      clearTimeout(schedule?.timer);
      schedule?.watches?.stop();
      schedules.delete(event.clusterId);
      health.delete(event.clusterId);
      return;
    }
    if (event.type !== "cluster") return;
    const { id, health: now } = event.cluster;
    const before = health.get(id);
    health.set(id, now);
    if (now !== before && (now === "connected" || now === "degraded")) trigger(id);
  };

  const stopObjectChanges = store.onObjectChange(onObjectChange);
  const stopFleetEvents = store.subscribe(onFleetEvent);
  for (const clusterId of store.clusterIds()) {
    const summary = store.clusterSummary(clusterId);
    if (summary) health.set(clusterId, summary.health);
    trigger(clusterId, 0);
  }

  const refreshes = periodicJob("drift refresh requests", settings.refreshPollMs, async () => {
    const asked = await db().$queryRaw<Array<{ clusterId: string }>>`
      SELECT "clusterId" FROM "DriftReport"
      WHERE "refreshRequestedAt" IS NOT NULL AND ("computedAt" IS NULL OR "refreshRequestedAt" > "computedAt")`;
    for (const { clusterId } of asked) {
      const schedule = scheduleOf(clusterId);
      if (!schedule.running && !schedule.timer) trigger(clusterId, 0);
    }
  });

  log.info({ clusters: store.clusterIds().length }, "drift: collector started");
  return {
    async stop() {
      stopping.abort();
      stopObjectChanges();
      stopFleetEvents();
      await refreshes.stop();
      for (const schedule of schedules.values()) {
        clearTimeout(schedule.timer);
        schedule.watches?.stop();
      }
      await Promise.all([...schedules.values()].map((schedule) => schedule.running));
      schedules.clear();
    },
  };
}

/** What of a reconciler or source decides drift: what it applied or fetched, whether it is suspended, whether it is ready. */
function inputFingerprint(kind: FluxKind, object: Parameters<typeof resourceOf>[1]): string {
  const resource = resourceOf(kind, object);
  const status = object.status ?? {};
  return JSON.stringify([resource.revision, resource.suspended, resource.readyCondition?.status ?? null, status.lastAttemptedRevision ?? null]);
}
