import type {
  AutoSyncState,
  ClusterCapabilities,
  ClusterHealth,
  ClusterSummary,
  FleetEvent,
  FluxKind,
  FluxObjectSummary,
  ObjectCounts,
  SuspensionInfo,
} from "../fleet/dto";
import { clusterSuspensionOf } from "../fleet/cluster-suspension-of";
import { modelFor, resourceOf, summarize, type FluxObject } from "../k8s/resources";
import { applyWatchEvent, emptyList, objectKey, type WatchedList, type WatchEvent } from "../k8s/watch/apply-watch-event";

/** What the store knows about a registered cluster, besides its objects. Never the kubeconfig. */
export interface ClusterRecord {
  id: string;
  name: string;
  server: string;
  context: string;
  labels: Record<string, string>;
  fluxVersion: string | null;
  capabilities: ClusterCapabilities;
  createdAt: string;
  health: ClusterHealth;
  healthMessage: string | null;
  lastSeenAt: string | null;
}

/** One object that changed, for whoever persists the store (null object: deleted). */
export interface ObjectChange {
  clusterId: string;
  kind: FluxKind;
  namespace: string;
  name: string;
  object: FluxObject | null;
  /** The last-known object, kept with a deletion so the snapshot row still describes it. */
  previous: FluxObject | null;
  /**
   * The change came from a whole list (first sync, reconnect, relist after 410 Gone), not from a
   * watch event: what the object shows may have happened while nobody was watching.
   */
  listed?: boolean;
}

interface ClusterEntry {
  record: ClusterRecord;
  lists: Map<FluxKind, WatchedList<FluxObject>>;
  /** Summaries without staleness (applied on the way out), keyed kind/namespace/name. */
  summaries: Map<string, FluxObjectSummary>;
  cached: ClusterSummary | null;
}

type Listener<T> = (value: T) => void;

/**
 * The in-memory picture of the fleet: every cluster's Flux objects as its watches last saw
 * them. Reads are served from here (and summaries are cached per cluster) so the fleet view
 * stays fast however many clusters there are; the database only backs restarts.
 */
export class SnapshotStore {
  private readonly clusters = new Map<string, ClusterEntry>();
  private readonly listeners = new Set<Listener<FleetEvent>>();
  private readonly changeListeners = new Set<Listener<ObjectChange>>();

  subscribe(listener: Listener<FleetEvent>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onObjectChange(listener: Listener<ObjectChange>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  hasCluster(id: string): boolean {
    return this.clusters.has(id);
  }

  clusterIds(): string[] {
    return [...this.clusters.keys()];
  }

  record(id: string): ClusterRecord | undefined {
    return this.clusters.get(id)?.record;
  }

  upsertCluster(record: ClusterRecord): void {
    const entry = this.clusters.get(record.id);
    if (entry) {
      entry.record = record;
      entry.cached = null;
    } else {
      this.clusters.set(record.id, { record, lists: new Map(), summaries: new Map(), cached: null });
    }
    this.publishCluster(record.id);
  }

  updateRecord(id: string, change: Partial<ClusterRecord>): void {
    const entry = this.clusters.get(id);
    if (!entry) return;
    const next = { ...entry.record, ...change };
    const visible = next.health !== entry.record.health || next.healthMessage !== entry.record.healthMessage;
    const staleness = (next.health === "unreachable") !== (entry.record.health === "unreachable");
    entry.record = next;
    entry.cached = null;
    if (visible) this.publishCluster(id);
    // Every object's `stale` flag follows the cluster's reachability.
    if (staleness) for (const summary of entry.summaries.values()) this.publish({ type: "object", clusterId: id, object: this.withStaleness(entry, summary) });
  }

  removeCluster(id: string): void {
    if (this.clusters.delete(id)) this.publish({ type: "cluster-removed", clusterId: id });
  }

  /**
   * Replaces a kind's objects with a fresh list (first sync, or a relist after 410 Gone). The
   * store holds objects, never the point a watch resumes from: that is the watcher's alone.
   */
  replaceList(clusterId: string, kind: FluxKind, objects: FluxObject[]): void {
    const entry = this.clusters.get(clusterId);
    if (!entry) return;
    const old = entry.lists.get(kind) ?? emptyList<FluxObject>();
    const items = new Map(objects.map((object) => [objectKey(object), withAppliedNote(kind, object, old.items.get(objectKey(object)))]));
    entry.lists.set(kind, { resourceVersion: "", items });
    for (const [key, object] of old.items) if (!items.has(key)) this.changed(entry, kind, null, object, true);
    for (const [key, object] of items) {
      if (old.items.get(key)?.metadata.resourceVersion !== object.metadata.resourceVersion) this.changed(entry, kind, object, null, true);
    }
  }

  /** Applies one watch event (or a write Syncline made itself); stale or repeated events change nothing. */
  applyEvent(clusterId: string, kind: FluxKind, event: WatchEvent<FluxObject>): void {
    const entry = this.clusters.get(clusterId);
    if (!entry) return;
    const old = entry.lists.get(kind) ?? emptyList<FluxObject>();
    const object = event.type === "DELETED" || event.type === "BOOKMARK" ? event.object : withAppliedNote(kind, event.object, old.items.get(objectKey(event.object)));
    const next = applyWatchEvent(old, { type: event.type, object });
    if (next === old) return;
    entry.lists.set(kind, next);
    if (next.items === old.items) return;
    const key = objectKey(event.object);
    if (event.type === "DELETED") this.changed(entry, kind, null, old.items.get(key) ?? event.object);
    else this.changed(entry, kind, next.items.get(key)!, null);
  }

  listClusters(): ClusterSummary[] {
    return [...this.clusters.values()].map((entry) => this.summaryOf(entry));
  }

  clusterSummary(id: string): ClusterSummary | undefined {
    const entry = this.clusters.get(id);
    return entry && this.summaryOf(entry);
  }

  listObjects(clusterId: string): FluxObjectSummary[] {
    const entry = this.clusters.get(clusterId);
    if (!entry) return [];
    return [...entry.summaries.values()].map((summary) => this.withStaleness(entry, summary));
  }

  objectSummary(clusterId: string, kind: FluxKind, namespace: string, name: string): FluxObjectSummary | undefined {
    const entry = this.clusters.get(clusterId);
    const summary = entry?.summaries.get(`${kind}/${namespace}/${name}`);
    return entry && summary && this.withStaleness(entry, summary);
  }

  object(clusterId: string, kind: FluxKind, namespace: string, name: string): FluxObject | undefined {
    return this.clusters.get(clusterId)?.lists.get(kind)?.items.get(`${namespace}/${name}`);
  }

  objects(clusterId: string, kind: FluxKind): FluxObject[] {
    return [...(this.clusters.get(clusterId)?.lists.get(kind)?.items.values() ?? [])];
  }

  private changed(entry: ClusterEntry, kind: FluxKind, object: FluxObject | null, previous: FluxObject | null, listed = false): void {
    const ref = (object ?? previous)!.metadata;
    const namespace = ref.namespace ?? "";
    const key = `${kind}/${namespace}/${ref.name}`;
    entry.cached = null;
    if (object) {
      const summary = summarize(resourceOf(kind, object), false);
      entry.summaries.set(key, summary);
      this.publish({ type: "object", clusterId: entry.record.id, object: this.withStaleness(entry, summary) });
    } else {
      entry.summaries.delete(key);
      this.publish({ type: "object-removed", clusterId: entry.record.id, ref: { kind, namespace, name: ref.name } });
    }
    for (const listener of this.changeListeners) listener({ clusterId: entry.record.id, kind, namespace, name: ref.name, object, previous, listed });
    this.publishCluster(entry.record.id);
  }

  private withStaleness(entry: ClusterEntry, summary: FluxObjectSummary): FluxObjectSummary {
    return entry.record.health === "unreachable" || entry.record.health === "unknown" ? { ...summary, stale: true } : summary;
  }

  private summaryOf(entry: ClusterEntry): ClusterSummary {
    entry.cached ??= buildClusterSummary(entry.record, entry.summaries.values());
    return entry.cached;
  }

  private publishCluster(id: string): void {
    if (this.listeners.size === 0) return;
    const summary = this.clusterSummary(id);
    if (summary) this.publish({ type: "cluster", cluster: summary });
  }

  private publish(event: FleetEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/**
 * The object with a note of when what it has applied now was applied, carried over from the copy
 * held before (or in the snapshot it was loaded from) while that is the same, so neither a relist
 * nor a restart loses it. A change seen live is dated by the object itself when it can say, else by
 * when Syncline saw it; an object seen for the first time is dated by what it tells alone.
 */
function withAppliedNote(kind: FluxKind, object: FluxObject, held: FluxObject | undefined): FluxObject {
  const { syncline: _ignored, ...bare } = object;
  const resource = resourceOf(kind, bare);
  const applied = resource.appliedIdentity;
  if (!applied) return bare;
  // Without a copy held, the object may come from a snapshot or another slice and carry its own note.
  const note = held ? held.syncline : object.syncline;
  if (note?.applied === applied) return { ...bare, syncline: note };
  const previous = held && resourceOf(kind, held);
  const changed = previous !== undefined && previous.appliedIdentity !== applied;
  const appliedAt = changed ? (resource.appliedAtAfter(previous) ?? new Date().toISOString()) : resource.lastAppliedAt;
  return appliedAt ? { ...bare, syncline: { applied, appliedAt } } : bare;
}

function buildClusterSummary(record: ClusterRecord, summaries: Iterable<FluxObjectSummary>): ClusterSummary {
  const counts: ObjectCounts = { ready: 0, failing: 0, progressing: 0, suspended: 0, total: 0 };
  let reconcilers = 0;
  let paused = 0;
  let lastApplied: ClusterSummary["lastApplied"] = null;
  const suspensions: Array<SuspensionInfo | null> = [];
  for (const summary of summaries) {
    counts.total += 1;
    if (summary.state !== "unknown") counts[summary.state] += 1;
    if (!modelFor(summary.kind)?.reconciler) continue;
    reconcilers += 1;
    if (summary.suspended) paused += 1;
    suspensions.push(summary.suspension);
    if (summary.revision && summary.lastAppliedAt && (!lastApplied || summary.lastAppliedAt > lastApplied.at)) {
      lastApplied = { revision: summary.revision, at: summary.lastAppliedAt, object: { kind: summary.kind, namespace: summary.namespace, name: summary.name } };
    }
  }
  const autoSync: AutoSyncState = { state: paused === 0 ? "on" : paused === reconcilers ? "off" : "mixed", suspended: paused, total: reconcilers };
  return {
    id: record.id,
    name: record.name,
    server: record.server,
    labels: record.labels,
    health: record.health,
    healthMessage: record.healthMessage,
    lastSeenAt: record.lastSeenAt,
    fluxVersion: record.fluxVersion,
    counts,
    autoSync,
    suspension: clusterSuspensionOf(suspensions),
    lastApplied,
  };
}
