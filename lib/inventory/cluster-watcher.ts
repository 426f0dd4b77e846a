import { setMaxListeners } from "node:events";
import type { ClusterHealth } from "../fleet/dto";
import type { KubeClient, WatchLine } from "../k8s/client";
import { isKubeError, KubeError } from "../k8s/kube-error";
import { collectionPath, fluxModels, isFluxKind, type FluxModelClass, type FluxObject } from "../k8s/resources";
import { log } from "../log/logger";
import type { SnapshotPersister, SyncEventRow } from "./snapshot-persister";
import type { SnapshotStore } from "./snapshot-store";

export interface WatcherTiming {
  /** First retry delay after a failure; doubles up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How long the server keeps one watch open before we re-watch from the last resourceVersion. */
  watchSeconds: number;
  /**
   * How often the API server is probed. An open watch can outlive its server for a minute
   * while it shuts down, so reachability is checked actively; Flux controller Deployments
   * (when they run in the cluster) are checked on the same beat.
   */
  probeMs: number;
}

type StreamState = { state: "pending" } | { state: "ok" } | { state: "absent" } | { state: "failing"; error: KubeError };

interface KubeList<T> {
  metadata: { resourceVersion: string };
  items: T[];
}

interface KubeEvent {
  metadata: { uid: string; name: string; namespace?: string; resourceVersion?: string; annotations?: Record<string, string> };
  involvedObject: { kind?: string; namespace?: string; name?: string; apiVersion?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
}

interface DeploymentList {
  items: Array<{ metadata: { name: string; labels?: Record<string, string> }; spec?: { replicas?: number }; status?: { readyReplicas?: number } }>;
}

const EVENTS_STREAM = "Event";
const PROBE_STREAM = "API server";
/** lastSeenAt changes with every event; the database copy only needs to be roughly right. */
const LAST_SEEN_PERSIST_MS = 30_000;

/**
 * Keeps one cluster's slice of the store current: for each Flux kind (and for Events about Flux
 * objects) it lists once, then watches from the list's resourceVersion, resuming from the last
 * version it saw after any disconnect and relisting only when the server says 410 Gone.
 * Failures back off exponentially; the cluster's health is derived from how the streams fare,
 * and a stream is live again from the moment the server accepts its watch, not from its next event.
 *
 * The watcher owns the resourceVersion each stream resumes from, and only its list, watch events
 * and bookmarks move it. Syncline's own writes go into the store too, at versions newer than
 * changes the watch has not delivered yet; resuming from them would skip those changes for good.
 *
 * Registrations that reach the same server with the same credentials see the same objects, so
 * they share one watcher: it feeds every member's slice, and the first member's slice is the
 * one a joining member takes its objects and health from.
 */
export class ClusterWatcher {
  private readonly abort = new AbortController();
  private readonly members: string[];
  private readonly streams = new Map<string, StreamState>();
  /** Per stream (a Flux kind, or Events): the resourceVersion to resume from; absent until listed. */
  private readonly versions = new Map<string, string>();
  /** Streams whose current watch the server has accepted; a stream leaves it when it syncs again. */
  private readonly open = new Set<string>();
  /** Backoff sleeps to cut short once the API server answers again. */
  private readonly sleepers = new Set<() => void>();
  private controllersMessage: string | null = null;
  private lastSeenPersisted = 0;

  constructor(
    clusterId: string,
    private readonly client: KubeClient,
    private readonly store: SnapshotStore,
    private readonly persister: SnapshotPersister,
    private readonly timing: WatcherTiming,
  ) {
    this.members = [clusterId];
  }

  /**
   * Adds a registration to a running watcher: its slice gets the objects listed so far (kinds
   * not listed yet arrive with their list), the current health, and the Events still on the server.
   */
  join(clusterId: string): void {
    const primary = this.primary;
    this.members.push(clusterId);
    for (const model of fluxModels) {
      if (this.versions.has(model.kind)) this.store.replaceList(clusterId, model.kind, this.store.objects(primary, model.kind));
    }
    const record = this.store.record(primary);
    if (record) this.store.updateRecord(clusterId, { health: record.health, healthMessage: record.healthMessage, lastSeenAt: record.lastSeenAt });
    void this.backfillEvents(clusterId);
  }

  /** Removes a registration; true when none is left and the watcher should stop. */
  leave(clusterId: string): boolean {
    const index = this.members.indexOf(clusterId);
    if (index >= 0) this.members.splice(index, 1);
    return this.members.length === 0;
  }

  private get primary(): string {
    return this.members[0]!;
  }

  start(): void {
    // Every stream waits on this one signal (a watch, or a backoff sleep); 9 streams is expected.
    setMaxListeners(32, this.abort.signal);
    for (const model of fluxModels) {
      this.streams.set(model.kind, { state: "pending" });
      void this.loop(model.kind, () => this.syncKind(model));
    }
    this.streams.set(EVENTS_STREAM, { state: "pending" });
    void this.loop(EVENTS_STREAM, () => this.syncEvents());
    this.streams.set(PROBE_STREAM, { state: "pending" });
    void this.probe();
  }

  /** Aborts every list, watch, probe and backoff at once, and closes the client's connections. */
  stop(): void {
    this.abort.abort();
    this.client.close();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async loop(stream: string, sync: () => Promise<void>): Promise<void> {
    let delay = this.timing.backoffMs;
    while (!this.stopped) {
      const started = Date.now();
      this.open.delete(stream);
      try {
        await sync();
        delay = this.timing.backoffMs;
        // A watch the server ends at once (a proxy cutting streams) must not become a busy loop.
        if (Date.now() - started < this.timing.backoffMs) await this.sleep(this.timing.backoffMs);
      } catch (error) {
        if (this.stopped) return;
        const kubeError = asKubeError(error, this.client.cluster);
        if (kubeError.status === 410) {
          this.forgetVersion(stream);
          continue;
        }
        if (kubeError.status === 404) {
          // The CRD is not installed (older Flux, or a controller left out): nothing to watch.
          this.setStream(stream, { state: "absent" });
          await this.sleep(this.timing.maxBackoffMs);
          continue;
        }
        if (this.dropped(stream, kubeError, started)) continue;
        this.setStream(stream, { state: "failing", error: kubeError });
        await this.sleep(delay + Math.random() * delay * 0.2, { wakeable: true });
        delay = Math.min(delay * 2, this.timing.maxBackoffMs);
      }
    }
  }

  /**
   * A watch that had been streaming for a while and lost its connection is reconnected at once,
   * and counts as failing only if that reconnect fails too: a proxy or load balancer closing one
   * connection is not an outage. A watch that drops as soon as it opens backs off as a failure.
   */
  private dropped(stream: string, error: KubeError, started: number): boolean {
    return this.open.has(stream) && error.status === undefined && Date.now() - started >= this.timing.backoffMs;
  }

  /** The server accepted the watch: the stream is live whether or not anything changes. */
  private opened(stream: string): void {
    this.open.add(stream);
    this.seen(stream);
  }

  private async syncKind(model: FluxModelClass): Promise<void> {
    const kind = model.kind;
    if (!this.versions.has(kind)) {
      const list = await this.client.request<KubeList<FluxObject>>("GET", collectionPath(model), { signal: this.abort.signal });
      this.seen(kind);
      const items = list.items.map((item) => ({ ...item, apiVersion: model.apiVersion, kind }));
      for (const clusterId of this.members) this.store.replaceList(clusterId, kind, items);
      this.versions.set(kind, list.metadata.resourceVersion);
    }
    await this.client.watch<FluxObject>(
      collectionPath(model),
      { resourceVersion: this.versions.get(kind), allowWatchBookmarks: true, timeoutSeconds: this.timing.watchSeconds },
      (line) => {
        this.seen(kind);
        if (line.type === "ERROR") this.watchError(kind, line);
        if (line.type !== "BOOKMARK") for (const clusterId of this.members) this.store.applyEvent(clusterId, kind, { type: line.type, object: line.object });
        this.advance(kind, line.object.metadata.resourceVersion);
      },
      this.abort.signal,
      () => this.opened(kind),
    );
    this.seen(kind);
  }

  private async syncEvents(): Promise<void> {
    if (!this.versions.has(EVENTS_STREAM)) {
      const list = await this.client.request<KubeList<KubeEvent>>("GET", "/api/v1/events", { signal: this.abort.signal });
      this.seen(EVENTS_STREAM);
      for (const event of list.items) this.recordEvent(event, this.members);
      this.versions.set(EVENTS_STREAM, list.metadata.resourceVersion);
    }
    await this.client.watch<KubeEvent>(
      "/api/v1/events",
      { resourceVersion: this.versions.get(EVENTS_STREAM), allowWatchBookmarks: true, timeoutSeconds: this.timing.watchSeconds },
      (line) => {
        this.seen(EVENTS_STREAM);
        if (line.type === "ERROR") this.watchError(EVENTS_STREAM, line);
        if (line.type === "ADDED" || line.type === "MODIFIED") this.recordEvent(line.object, this.members);
        this.advance(EVENTS_STREAM, line.object.metadata.resourceVersion);
      },
      this.abort.signal,
      () => this.opened(EVENTS_STREAM),
    );
    this.seen(EVENTS_STREAM);
  }

  private async backfillEvents(clusterId: string): Promise<void> {
    try {
      const list = await this.client.request<KubeList<KubeEvent>>("GET", "/api/v1/events", { signal: this.abort.signal });
      if (this.members.includes(clusterId)) for (const event of list.items) this.recordEvent(event, [clusterId]);
    } catch (error) {
      // Not fatal: this registration's history then starts with the Events that arrive from now on.
      log.debug({ cluster: this.client.cluster, reason: asKubeError(error, this.client.cluster).reason }, "inventory: events backfill failed");
    }
  }

  /** The field selector cannot match an API group, so Events are filtered here by kind and group. */
  private recordEvent(event: KubeEvent, clusterIds: readonly string[]): void {
    const about = event.involvedObject;
    if (!about.kind || !isFluxKind(about.kind) || !about.apiVersion?.includes("toolkit.fluxcd.io") || !about.name) return;
    const last = event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp;
    const first = event.firstTimestamp ?? event.eventTime ?? last;
    if (!last || !first) return;
    const annotations = event.metadata.annotations ?? {};
    const revisionKey = Object.keys(annotations).find((key) => key.endsWith("/revision"));
    const row: Omit<SyncEventRow, "clusterId"> = {
      eventUid: event.metadata.uid,
      kind: about.kind,
      namespace: about.namespace ?? "",
      name: about.name,
      type: event.type ?? "Normal",
      reason: event.reason ?? "",
      message: event.message ?? "",
      revision: revisionKey ? annotations[revisionKey]! : null,
      count: event.series?.count ?? event.count ?? 1,
      firstSeen: new Date(first),
      lastSeen: new Date(last),
    };
    for (const clusterId of clusterIds) this.persister.event({ ...row, clusterId });
  }

  /** Events within one stream arrive in order, so the last one seen is where to resume. */
  private advance(stream: string, resourceVersion: string | undefined): void {
    if (resourceVersion) this.versions.set(stream, resourceVersion);
  }

  /** After 410 Gone the next sync lists again; the objects held stay visible until the list replaces them. */
  private forgetVersion(stream: string): void {
    this.versions.delete(stream);
  }

  private watchError(stream: string, line: WatchLine<unknown>): never {
    const status = line.object as { code?: number; message?: string };
    throw new KubeError({ status: status.code, cluster: this.client.cluster, reason: status.code === 410 ? "gone" : "watch_error", message: status.message ?? "watch failed" });
  }

  /** Flux controllers often run in flux-system; when they do, an unavailable one degrades the cluster. */
  private async probe(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.client.request("GET", "/version", { timeoutMs: Math.min(this.timing.probeMs, 5_000), signal: this.abort.signal });
        if (this.streams.get(PROBE_STREAM)?.state === "failing") this.wakeSleepers();
        this.seen(PROBE_STREAM);
        this.controllersMessage = await this.unhealthyControllers();
        this.updateHealth();
      } catch (error) {
        if (this.stopped) return;
        this.setStream(PROBE_STREAM, { state: "failing", error: asKubeError(error, this.client.cluster) });
      }
      await this.sleep(this.timing.probeMs);
    }
  }

  private async unhealthyControllers(): Promise<string | null> {
    try {
      const list = await this.client.request<DeploymentList>("GET", "/apis/apps/v1/namespaces/flux-system/deployments", { signal: this.abort.signal });
      const unhealthy = list.items
        .filter((d) => d.metadata.labels?.["app.kubernetes.io/part-of"] === "flux" && (d.status?.readyReplicas ?? 0) < (d.spec?.replicas ?? 1))
        .map((d) => d.metadata.name);
      return unhealthy.length ? `Flux controllers not ready: ${unhealthy.join(", ")}` : null;
    } catch {
      // No permission to read Deployments, or no flux-system namespace: controllers may run elsewhere.
      return null;
    }
  }

  private seen(stream: string): void {
    const current = this.streams.get(stream);
    const now = new Date();
    for (const clusterId of this.members) this.store.updateRecord(clusterId, { lastSeenAt: now.toISOString() });
    if (now.getTime() - this.lastSeenPersisted > LAST_SEEN_PERSIST_MS) {
      this.lastSeenPersisted = now.getTime();
      for (const clusterId of this.members) {
        const record = this.store.record(clusterId);
        if (record) this.persister.clusterHealth(clusterId, { health: record.health, healthMessage: record.healthMessage, lastSeenAt: now });
      }
    }
    if (current?.state !== "ok") this.setStream(stream, { state: "ok" });
  }

  private setStream(stream: string, state: StreamState): void {
    this.streams.set(stream, state);
    if (state.state === "failing") log.debug({ cluster: this.client.cluster, stream, reason: state.error.reason }, "inventory: watch failing");
    this.updateHealth();
  }

  private updateHealth(): void {
    const states = [...this.streams.values()];
    const failing = [...this.streams.entries()].filter(([, s]) => s.state === "failing") as Array<[string, Extract<StreamState, { state: "failing" }>]>;
    const live = states.filter((s) => s.state !== "absent");
    let health: ClusterHealth;
    let message: string | null;
    const probe = this.streams.get(PROBE_STREAM);
    if (probe?.state === "failing" && probe.error.status === undefined) {
      health = "unreachable";
      message = probe.error.message;
    } else if (failing.length > 0 && failing.length === live.length && failing.every(([, s]) => s.error.status === undefined)) {
      health = "unreachable";
      message = failing[0]![1].error.message;
    } else if (failing.length > 0) {
      health = "degraded";
      message = `Watching ${failing.map(([name]) => name).join(", ")} fails: ${failing[0]![1].error.message}`;
    } else if (states.some((s) => s.state === "pending")) {
      return;
    } else if (this.controllersMessage) {
      health = "degraded";
      message = this.controllersMessage;
    } else {
      health = "connected";
      message = null;
    }
    for (const clusterId of this.members) {
      const record = this.store.record(clusterId);
      if (!record || (record.health === health && record.healthMessage === message)) continue;
      this.store.updateRecord(clusterId, { health, healthMessage: message });
      this.persister.clusterHealth(clusterId, { health, healthMessage: message, lastSeenAt: record.lastSeenAt ? new Date(record.lastSeenAt) : null });
      log.info({ cluster: record.name, health, message }, "inventory: cluster health changed");
    }
  }

  /** The API server answers again: streams backing off after the outage retry now, not after their backoff. */
  private wakeSleepers(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  private sleep(ms: number, options: { wakeable?: boolean } = {}): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.abort.signal;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done, { once: true });
      if (options.wakeable) this.sleepers.add(done);
    });
  }
}

function asKubeError(error: unknown, cluster: string): KubeError {
  if (isKubeError(error)) return error;
  return new KubeError({ status: undefined, cluster, reason: "unexpected", message: `${cluster}: ${(error as Error).message}` });
}
