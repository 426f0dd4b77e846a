import { db } from "../db/client";
import type { FleetEvent, FluxKind, ObjectRef } from "../fleet/dto";
import { inventory } from "../inventory";
import type { ObjectChange, SnapshotStore } from "../inventory/snapshot-store";
import { fluxModels, modelFor, type FluxObject } from "../k8s/resources";
import type { PeriodicJob } from "../lifecycle/periodic-job";
import { log } from "../log/logger";
import type { SyncStep } from "./sync-step";
import { syncStepsOf } from "./sync-steps-of";
import { createSyncRecordWriter, type SyncRecordRow, type SyncRecordWriter, type SyncRecordWriterOptions } from "./sync-record-writer";

export interface SyncHistoryCollectorOptions {
  /** The store whose object changes are recorded; the inventory's by default. */
  store: SnapshotStore;
  writer: Partial<Omit<SyncRecordWriterOptions, "onOverflow">>;
}

export interface SyncHistoryCollector extends PeriodicJob {
  /** Writes every record gathered so far; for tests and the benchmark. */
  flush(): Promise<void>;
}

type RepeatPhase = "failed" | "progressing";
type Signatures = Partial<Record<RepeatPhase, string>>;

const objectKeyOf = (clusterId: string, kind: string, namespace: string, name: string) => `${clusterId}/${kind}/${namespace}/${name}`;

/**
 * The leader's sync history collector (docs/sync-history.md). It records the steps Flux objects
 * show as the store sees them change, and on start (a new leader, a restart, a failover) and for
 * every object a list brings (first sync, reconnect, relist) it rebuilds steps from the objects'
 * status, marked reconstructed. Rows are keyed on Flux's own timestamps, so a step recorded live
 * and rebuilt later is one row; failures and starts of work that Flux merely retries are recorded once.
 */
export function startSyncHistoryCollector(options: Partial<SyncHistoryCollectorOptions> = {}): SyncHistoryCollector {
  const store = options.store ?? inventory().store;
  const held = new Map<string, FluxObject>();
  const signatures = new Map<string, Signatures>();
  let stopped = false;
  const writer: SyncRecordWriter = createSyncRecordWriter({ ...options.writer, onOverflow: () => void reconstructAll() });

  const sourceUrlOf = (clusterId: string) => (ref: ObjectRef) => {
    const model = modelFor(ref.kind);
    const url = model && store.object(clusterId, model.kind, ref.namespace, ref.name)?.spec?.url;
    return typeof url === "string" ? url : null;
  };

  function rowsOf(clusterId: string, steps: readonly SyncStep[], reconstructed: (step: SyncStep) => boolean): SyncRecordRow[] {
    return steps.map((step) => {
      const { current: _current, repeatSignature: _signature, ...row } = step;
      const rebuilt = reconstructed(step);
      // Seen live as a change, an apply is dated by the store from the change itself: only a step rebuilt from status can be a relabelled entry.
      return { ...row, clusterId, reconstructed: rebuilt, oncePerRevision: row.oncePerRevision && rebuilt };
    });
  }

  /** Drops the failures and starts of work that repeat the object's last one; remembers the rest. */
  function withoutRepeats(key: string, object: FluxObject, steps: SyncStep[]): SyncStep[] {
    const last = signatures.get(key) ?? {};
    const ready = (object.status?.conditions ?? []).find((c) => c.type === "Ready");
    // A success ends a failure episode: the same failure after it is a new one.
    if (ready?.status === "True") delete last.failed;
    const kept = steps.filter((step) => {
      if (step.repeatSignature === null || (step.phase !== "failed" && step.phase !== "progressing")) return true;
      if (last[step.phase] === step.repeatSignature) return false;
      last[step.phase] = step.repeatSignature;
      return true;
    });
    signatures.set(key, last);
    return kept;
  }

  /**
   * After a restart nothing in memory says which failure or start of work was recorded last: the
   * database does. Only objects failing or at work now need it.
   */
  async function seedSignatures(clusterId: string, kind: FluxKind, object: FluxObject, steps: readonly SyncStep[]): Promise<void> {
    const key = objectKeyOf(clusterId, kind, object.metadata.namespace ?? "", object.metadata.name);
    if (signatures.has(key) || !steps.some((step) => step.repeatSignature !== null)) return;
    const where = { clusterId, kind, namespace: object.metadata.namespace ?? "", name: object.metadata.name };
    const [lastEnd, lastStart] = await Promise.all([
      db().syncRecord.findFirst({ where: { ...where, phase: { in: ["failed", "applied"] } }, orderBy: [{ at: "desc" }, { recordedAt: "desc" }], select: { phase: true, revision: true, message: true } }),
      db().syncRecord.findFirst({ where: { ...where, phase: "progressing" }, orderBy: { at: "desc" }, select: { message: true } }),
    ]);
    const seeded: Signatures = {};
    if (lastEnd?.phase === "failed") seeded.failed = `${lastEnd.revision}|${lastEnd.message.split(": ")[0]}`;
    if (lastStart) seeded.progressing = lastStart.message;
    signatures.set(key, seeded);
  }

  /** Every step each object of the cluster shows now, marked reconstructed; the key makes known ones no-ops. */
  async function reconstruct(clusterId: string): Promise<void> {
    const rows: SyncRecordRow[] = [];
    for (const model of fluxModels) {
      for (const object of store.objects(clusterId, model.kind)) {
        if (stopped) return;
        const key = objectKeyOf(clusterId, model.kind, object.metadata.namespace ?? "", object.metadata.name);
        held.set(key, object);
        const steps = syncStepsOf(model.kind, object, { sourceUrlOf: sourceUrlOf(clusterId) });
        await seedSignatures(clusterId, model.kind, object, steps).catch((error: unknown) => log.warn({ err: error, clusterId }, "sync history: could not read the last recorded failure"));
        rows.push(...rowsOf(clusterId, withoutRepeats(key, object, steps), () => true));
      }
    }
    writer.add(rows);
  }

  let rebuilding: Promise<void> = Promise.resolve();
  function reconstructAll(): Promise<void> {
    rebuilding = rebuilding.then(async () => {
      for (const clusterId of store.clusterIds()) await reconstruct(clusterId);
    }).catch((error: unknown) => log.warn({ err: error }, "sync history: rebuilding from status failed"));
    return rebuilding;
  }

  const onObjectChange = (change: ObjectChange) => {
    if (stopped) return;
    const key = objectKeyOf(change.clusterId, change.kind, change.namespace, change.name);
    if (!change.object) {
      held.delete(key);
      signatures.delete(key);
      return;
    }
    const previous = held.get(key);
    held.set(key, change.object);
    const steps = withoutRepeats(key, change.object, syncStepsOf(change.kind, change.object, { previous, sourceUrlOf: sourceUrlOf(change.clusterId) }));
    // A list shows what happened while nobody watched; a watch event shows the object's state now.
    writer.add(rowsOf(change.clusterId, steps, (step) => change.listed === true || !step.current));
  };

  const onFleetEvent = (event: FleetEvent) => {
    if (event.type !== "cluster-removed") return;
    const prefix = `${event.clusterId}/`;
    for (const key of held.keys()) if (key.startsWith(prefix)) held.delete(key);
    for (const key of signatures.keys()) if (key.startsWith(prefix)) signatures.delete(key);
  };

  const stopObjectChanges = store.onObjectChange(onObjectChange);
  const stopFleetEvents = store.subscribe(onFleetEvent);
  void reconstructAll();
  log.info({ clusters: store.clusterIds().length }, "sync history: collector started");

  return {
    async flush() {
      await rebuilding;
      await writer.flush();
    },
    async stop() {
      stopped = true;
      stopObjectChanges();
      stopFleetEvents();
      await rebuilding;
      await writer.stop();
    },
  };
}
