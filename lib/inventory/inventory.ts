import { db } from "../db/client";
import type { Cluster } from "../db/generated/client";
import { isAppError } from "../errors/app-error";
import { clientForStoredCluster, type KubeClient } from "../k8s/client";
import { isFluxKind, type FluxObject } from "../k8s/resources";
import { log } from "../log/logger";
import { ClusterWatcher, type WatcherTiming } from "./cluster-watcher";
import { toClusterRecord } from "./cluster-record";
import { SnapshotPersister } from "./snapshot-persister";
import { SnapshotStore } from "./snapshot-store";

export interface InventoryOptions extends WatcherTiming {
  /** How often pending snapshot and event writes are flushed to the database. */
  persistMs: number;
  /** How often the cluster registry is re-read, to pick up clusters added by the CLI or another replica. */
  registrySyncMs: number;
  /**
   * Whether this process writes the store to the database from the start. With replicas, each
   * starts as a follower and writes only while it leads (setWriter).
   */
  writer: boolean;
}

/**
 * How long a removed cluster stays removed for the registry re-read, which may have read its row
 * before the deletion committed. A deletion that failed brings the cluster back after this.
 */
const REMOVAL_HOLD_MS = 60_000;

export const defaultInventoryOptions: InventoryOptions = {
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  watchSeconds: 300,
  probeMs: 10_000,
  persistMs: 1_000,
  registrySyncMs: 15_000,
  writer: true,
};

/**
 * The process's live view of the fleet: the store that answers reads, the watchers feeding it,
 * and the persister that backs it. There is one watcher per connection (server and credentials),
 * shared by every registration of that connection, so registering a server twice never doubles
 * its watch streams. Until `start()` (called once from instrumentation.ts, or by tests) it holds
 * no watchers, so the CLI and scripts can use lib functions that notify it without opening watches.
 */
export class Inventory {
  readonly store = new SnapshotStore();
  /** By KubeClient.connectionKey. */
  private readonly watchers = new Map<string, ClusterWatcher>();
  /** By cluster id: which watcher feeds the registration, and the row's connection when it joined. */
  private readonly registrations = new Map<string, { connectionKey: string | undefined; fingerprint: string }>();
  /** By cluster id: the client that acts on the cluster (patches, reconciles), kept for its connections. */
  private readonly actionClients = new Map<string, { client: KubeClient; fingerprint: string }>();
  /** By cluster id: when track() first showed it, or untrack() removed it (Date.now()). */
  private readonly added = new Map<string, number>();
  private readonly removed = new Map<string, number>();
  private persister = new SnapshotPersister(defaultInventoryOptions.persistMs);
  private options = defaultInventoryOptions;
  private registryTimer: NodeJS.Timeout | undefined;
  private started: Promise<void> | undefined;
  private loaded: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  get running(): boolean {
    return this.started !== undefined;
  }

  start(options: Partial<InventoryOptions> = {}): Promise<void> {
    this.started ??= this.boot({ ...defaultInventoryOptions, ...options });
    return this.started;
  }

  /**
   * Resolves once the store holds every registered cluster and its last-known objects. Without
   * start() (the CLI, scripts) this loads them once from the database, with no watches.
   */
  ready(): Promise<void> {
    return this.started ?? (this.loaded ??= this.load());
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    this.started = undefined;
    clearInterval(this.registryTimer);
    for (const watcher of this.watchers.values()) watcher.stop();
    this.watchers.clear();
    this.registrations.clear();
    for (const { client } of this.actionClients.values()) client.close();
    this.actionClients.clear();
    this.unsubscribe?.();
    await this.persister.stop();
  }

  /** Starts (or restarts, when its connection changed) watching a cluster, and shows it at once. */
  track(row: Cluster): void {
    const current = this.store.record(row.id);
    const record = toClusterRecord(row);
    const next = current ? { ...record, health: current.health, healthMessage: current.healthMessage, lastSeenAt: current.lastSeenAt } : record;
    // The registry is re-read periodically; an unchanged cluster must not re-publish itself.
    if (JSON.stringify(next) !== JSON.stringify(current)) this.store.upsertCluster(next);
    if (!current) this.added.set(row.id, Date.now());
    this.removed.delete(row.id);
    const fingerprint = fingerprintOf(row);
    if (this.actionClients.has(row.id) && this.actionClients.get(row.id)!.fingerprint !== fingerprint) this.closeActionClient(row.id);
    if (!this.running) return;
    if (this.registrations.get(row.id)?.fingerprint === fingerprint) return;
    this.leave(row.id);
    const client = this.clientFor(row);
    this.registrations.set(row.id, { connectionKey: client?.connectionKey, fingerprint });
    if (!client) return;
    const shared = this.watchers.get(client.connectionKey);
    if (shared) {
      client.close();
      shared.join(row.id);
      return;
    }
    const watcher = new ClusterWatcher(row.id, client, this.store, this.persister, this.options);
    this.watchers.set(client.connectionKey, watcher);
    watcher.start();
  }

  /** Stops watching a cluster and closes every connection to it, in flight or kept alive. */
  untrack(clusterId: string): void {
    this.leave(clusterId);
    this.closeActionClient(clusterId);
    this.persister.forget(clusterId);
    this.store.removeCluster(clusterId);
    this.added.delete(clusterId);
    this.removed.set(clusterId, Date.now());
  }

  /**
   * The client Syncline acts on a cluster with. It is kept per registration, so a switch of many
   * objects reuses its connections, and closed when the cluster is removed or its kubeconfig changes.
   */
  actionClient(row: Cluster): KubeClient {
    const fingerprint = fingerprintOf(row);
    const held = this.actionClients.get(row.id);
    if (held?.fingerprint === fingerprint) return held.client;
    this.closeActionClient(row.id);
    const client = clientForStoredCluster(row);
    this.actionClients.set(row.id, { client, fingerprint });
    return client;
  }

  private closeActionClient(clusterId: string): void {
    this.actionClients.get(clusterId)?.client.close();
    this.actionClients.delete(clusterId);
  }

  private leave(clusterId: string): void {
    const registration = this.registrations.get(clusterId);
    this.registrations.delete(clusterId);
    const key = registration?.connectionKey;
    const watcher = key === undefined ? undefined : this.watchers.get(key);
    if (watcher?.leave(clusterId)) {
      watcher.stop();
      this.watchers.delete(key!);
    }
  }

  /**
   * A stored kubeconfig that no longer passes the checks (an operator withdrew
   * SYNCLINE_ALLOW_HTTP_CLUSTERS or SYNCLINE_ALLOW_EXEC_AUTH) is shown as unreachable, with why.
   */
  private clientFor(row: Cluster): KubeClient | undefined {
    try {
      return clientForStoredCluster(row);
    } catch (error) {
      if (!isAppError(error)) throw error;
      this.store.updateRecord(row.id, { health: "unreachable", healthMessage: error.message });
      return undefined;
    }
  }

  /** Makes this replica write the store to the database (it leads) or only collect (it follows). */
  setWriter(writer: boolean): Promise<void> {
    return this.persister.setWriting(writer);
  }

  /** Writes whatever is pending now; tests and shutdown use it to make the database current. */
  flush(): Promise<void> {
    return this.persister.flush();
  }

  private async boot(options: InventoryOptions): Promise<void> {
    this.options = options;
    this.persister = new SnapshotPersister(options.persistMs, options.writer);
    const rows = await db().cluster.findMany();
    // Until its watches answer, a cluster's health is unknown and its objects count as stale.
    for (const row of rows) this.store.upsertCluster({ ...toClusterRecord(row), health: "unknown" });
    await this.loadSnapshots(rows.map((row) => row.id));
    this.unsubscribe = this.store.onObjectChange((change) => this.persister.object(change));
    this.persister.start();
    for (const row of rows) this.track(row);
    this.registryTimer = setInterval(() => void this.syncRegistry(), options.registrySyncMs);
    this.registryTimer.unref();
    log.info({ clusters: rows.length }, "inventory: started");
  }

  private async load(): Promise<void> {
    const rows = await db().cluster.findMany();
    for (const row of rows) if (!this.store.hasCluster(row.id)) this.store.upsertCluster(toClusterRecord(row));
    await this.loadSnapshots(rows.map((row) => row.id));
  }

  /** Last-known objects, shown (as stale) until each cluster's first list replaces them. */
  private async loadSnapshots(clusterIds: string[]): Promise<void> {
    const snapshots = await db().fluxObjectSnapshot.findMany({ where: { clusterId: { in: clusterIds }, deletedAt: null } });
    const grouped = new Map<string, FluxObject[]>();
    for (const snapshot of snapshots) {
      if (!isFluxKind(snapshot.kind)) continue;
      const key = `${snapshot.clusterId}\n${snapshot.kind}`;
      grouped.set(key, [...(grouped.get(key) ?? []), snapshot.object as unknown as FluxObject]);
    }
    for (const [key, objects] of grouped) {
      const [clusterId, kind] = key.split("\n") as [string, string];
      if (isFluxKind(kind)) this.store.replaceList(clusterId, kind, objects);
    }
  }

  /**
   * Picks up clusters that the CLI or another replica added or removed. The rows were read before
   * this process's own latest changes may have committed, so a cluster this process added after
   * the read began is kept, and one it removed lately is not brought back.
   */
  private async syncRegistry(): Promise<void> {
    const readAt = Date.now();
    try {
      const rows = await db().cluster.findMany();
      const ids = new Set(rows.map((row) => row.id));
      for (const [id, at] of this.removed) if (readAt - at > REMOVAL_HOLD_MS) this.removed.delete(id);
      const addedSinceRead = (id: string) => (this.added.get(id) ?? 0) >= readAt;
      for (const id of this.store.clusterIds()) if (!ids.has(id) && !addedSinceRead(id)) this.untrack(id);
      for (const row of rows) if (!this.removed.has(row.id)) this.track(row);
    } catch (error) {
      log.warn({ err: error }, "inventory: re-reading the cluster registry failed");
    }
  }
}

/** What a registration's connection depends on: a change to any of it means new clients. */
function fingerprintOf(row: Cluster): string {
  return `${row.name}\n${row.context}\n${row.kubeconfigEncrypted}`;
}

const globalForInventory = globalThis as unknown as { synclineInventory?: Inventory };

/** The process-wide inventory. Route handlers and lib functions reach it here, never by import of an instance. */
export function inventory(): Inventory {
  globalForInventory.synclineInventory ??= new Inventory();
  return globalForInventory.synclineInventory;
}
