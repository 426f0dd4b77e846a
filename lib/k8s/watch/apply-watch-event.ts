/** The minimum a watched object needs: its identity and its resourceVersion. */
export interface WatchedObject {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
}

export interface WatchEvent<T extends WatchedObject> {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK";
  object: T;
}

/** A list as last seen, plus the resourceVersion a watch resumes from. */
export interface WatchedList<T extends WatchedObject> {
  resourceVersion: string;
  items: ReadonlyMap<string, T>;
}

export function objectKey(object: WatchedObject): string {
  return `${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

export function emptyList<T extends WatchedObject>(resourceVersion = ""): WatchedList<T> {
  return { resourceVersion, items: new Map() };
}

/**
 * resourceVersions are opaque to clients in general, but every API server backed by etcd
 * issues them as increasing integers; only then can "older" be decided. Anything else counts
 * as newer, so an update is never dropped on a guess.
 */
export function isOlder(candidate: string | undefined, current: string | undefined): boolean {
  if (!candidate || !current || !/^\d+$/.test(candidate) || !/^\d+$/.test(current)) return false;
  return BigInt(candidate) < BigInt(current);
}

/**
 * Applies one watch event and returns a new list, or the same list when the event changes
 * nothing: an event older than what is held (a replay after a reconnect, or an echo of a
 * write Syncline already applied) is ignored.
 */
export function applyWatchEvent<T extends WatchedObject>(list: WatchedList<T>, event: WatchEvent<T>): WatchedList<T> {
  const version = event.object.metadata.resourceVersion;
  const resourceVersion = version && !isOlder(version, list.resourceVersion) ? version : list.resourceVersion;
  if (event.type === "BOOKMARK") return resourceVersion === list.resourceVersion ? list : { resourceVersion, items: list.items };
  const key = objectKey(event.object);
  const held = list.items.get(key);
  if (held && (isOlder(version, held.metadata.resourceVersion) || (event.type !== "DELETED" && version === held.metadata.resourceVersion))) {
    return list;
  }
  const items = new Map(list.items);
  if (event.type === "DELETED") {
    if (!held) return resourceVersion === list.resourceVersion ? list : { resourceVersion, items: list.items };
    items.delete(key);
  } else {
    items.set(key, event.object);
  }
  return { resourceVersion, items };
}
