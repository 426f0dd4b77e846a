import type { ClusterDetail, ClusterSummary, FleetEvent, FluxObjectDetail, FluxObjectSummary, ObjectRef } from "@/lib/fleet/dto";

/**
 * Pure reducers from a batch of server-sent FleetEvents to the data each cached query holds.
 * Each returns its input unchanged (same reference) when the batch does not touch it, so
 * React Query notifies no one; `null` means the thing was removed.
 */

export function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export function applyToClusterList(list: ClusterSummary[] | undefined, events: readonly FleetEvent[]): ClusterSummary[] | undefined {
  if (!list) return list;
  const changes = new Map<string, ClusterSummary | null>();
  for (const event of events) {
    if (event.type === "cluster") changes.set(event.cluster.id, event.cluster);
    else if (event.type === "cluster-removed") changes.set(event.clusterId, null);
  }
  return mergeById(list, changes, (cluster) => cluster.id);
}

export function applyToClusterDetail(detail: ClusterDetail, events: readonly FleetEvent[]): ClusterDetail | null {
  let next: ClusterDetail | null = detail;
  for (const event of events) {
    if (event.type === "cluster" && event.cluster.id === detail.id) next = { ...(next ?? detail), ...event.cluster };
    else if (event.type === "cluster-removed" && event.clusterId === detail.id) next = null;
  }
  return next;
}

export function applyToObjectList(clusterId: string, list: FluxObjectSummary[] | undefined, events: readonly FleetEvent[]): FluxObjectSummary[] | undefined {
  if (!list) return list;
  const changes = new Map<string, FluxObjectSummary | null>();
  for (const event of events) {
    if (event.type === "object" && event.clusterId === clusterId) changes.set(refKey(event.object), event.object);
    else if (event.type === "object-removed" && event.clusterId === clusterId) changes.set(refKey(event.ref), null);
  }
  return mergeById(list, changes, refKey);
}

/** An object page holds conditions, events and YAML too; a summary event updates only the summary. */
export function applyToObjectDetail(clusterId: string, detail: FluxObjectDetail, events: readonly FleetEvent[]): FluxObjectDetail | null {
  const key = refKey(detail);
  let next: FluxObjectDetail | null = detail;
  for (const event of events) {
    if (event.type === "object" && event.clusterId === clusterId && refKey(event.object) === key) next = { ...(next ?? detail), ...event.object };
    else if (event.type === "object-removed" && event.clusterId === clusterId && refKey(event.ref) === key) next = null;
    else if (event.type === "cluster-removed" && event.clusterId === clusterId) next = null;
  }
  return next;
}

/** One pass over the list whatever the batch size: 10,000 objects and 500 events stay cheap. */
function mergeById<T>(list: T[], changes: Map<string, T | null>, idOf: (item: T) => string): T[] {
  if (changes.size === 0) return list;
  const pending = new Map(changes);
  const next: T[] = [];
  for (const item of list) {
    const id = idOf(item);
    if (!pending.has(id)) {
      next.push(item);
      continue;
    }
    const replacement = pending.get(id);
    pending.delete(id);
    if (replacement) next.push(replacement);
  }
  for (const added of pending.values()) if (added) next.push(added);
  return next;
}
