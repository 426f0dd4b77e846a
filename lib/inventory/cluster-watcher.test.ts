import { afterEach, describe, expect, it, vi } from "vitest";
import type { KubeClient, RequestOptions, WatchLine } from "../k8s/client";
import { KubeError } from "../k8s/kube-error";
import { collectionPath, Kustomization, type FluxObject } from "../k8s/resources";
import { ClusterWatcher } from "./cluster-watcher";
import type { SnapshotPersister } from "./snapshot-persister";
import { SnapshotStore, type ClusterRecord } from "./snapshot-store";

const record: ClusterRecord = {
  id: "c1",
  name: "prod",
  server: "https://prod",
  context: "prod",
  labels: {},
  fluxVersion: null,
  capabilities: { kubernetesVersion: null, controllers: [], permissions: { list: true, watch: true, patch: true }, authMethod: "token" },
  createdAt: "2026-11-26T00:00:00.000Z",
  health: "unknown",
  healthMessage: null,
  lastSeenAt: null,
};

const ks = (name: string, resourceVersion: string, annotations: Record<string, string> = {}): FluxObject => ({
  apiVersion: Kustomization.apiVersion,
  kind: "Kustomization",
  metadata: { name, namespace: "flux-system", resourceVersion, annotations },
  spec: { suspend: false },
});

const KUSTOMIZATIONS = collectionPath(Kustomization);
const unreachable = () => new KubeError({ status: undefined, cluster: "prod", reason: "unreachable", message: "prod: the API server cannot be reached (ECONNRESET)" });

/** Resolves when `signal` aborts; a stream of a kind the spec does not drive just stays open. */
const untilAborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));

type WatchScript = (emit: (line: WatchLine<FluxObject>) => void, signal: AbortSignal) => Promise<void>;

/**
 * An API server that serves Kustomizations from `lists` (one list per LIST request, the n-th at
 * resourceVersion 10·n) and plays `watches` (one script per watch request, in order). Like a real
 * server, a watch delivers only changes newer than the version it was asked to start from. Every
 * other kind is empty and quiet. With `hang`, requests answer only by failing when aborted.
 * `dropWatches` ends every quiet watch with a network error; while `down`, every request fails so.
 */
function fakeCluster(lists: FluxObject[][], watches: WatchScript[], options: { hang?: boolean } = {}) {
  const calls: Array<{ verb: "list" | "watch"; path: string; resourceVersion?: string }> = [];
  let listed = 0;
  let pending = 0;
  const server = { down: false };
  const quiet = new Set<(error: KubeError) => void>();
  const untilDroppedOrAborted = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      quiet.add(reject);
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  const client: KubeClient = {
    cluster: "prod",
    server: "https://prod",
    authMethod: "token",
    connectionKey: "prod",
    async request<T>(_method: string, path: string, request: RequestOptions = {}): Promise<T> {
      calls.push({ verb: "list", path });
      if (server.down) throw unreachable();
      if (options.hang) {
        pending += 1;
        await (request.signal ? untilAborted(request.signal) : new Promise(() => undefined));
        pending -= 1;
        throw new KubeError({ status: undefined, cluster: "prod", reason: "aborted", message: "prod: the request was cancelled" });
      }
      if (path === KUSTOMIZATIONS) {
        listed += 1;
        return { metadata: { resourceVersion: String(10 * listed) }, items: lists.shift() ?? [] } as T;
      }
      return (path === "/version" ? {} : { metadata: { resourceVersion: "1" }, items: [] }) as T;
    },
    async watch<T>(path: string, query: RequestOptions["query"], onEvent: (line: WatchLine<T>) => void, signal: AbortSignal, onOpen?: () => void): Promise<void> {
      const from = Number(query?.resourceVersion);
      calls.push({ verb: "watch", path, resourceVersion: String(query?.resourceVersion) });
      if (server.down) throw unreachable();
      onOpen?.();
      const script = path === KUSTOMIZATIONS ? watches.shift() : undefined;
      const emit = (line: WatchLine<FluxObject>) => {
        if (line.type === "ERROR" || Number(line.object.metadata.resourceVersion) > from) onEvent(line as WatchLine<T>);
      };
      await (script ? script(emit, signal) : untilDroppedOrAborted(signal));
    },
    close: () => undefined,
  };
  const dropWatches = () => {
    for (const drop of quiet) drop(unreachable());
    quiet.clear();
  };
  return { client, calls, pending: () => pending, server, dropWatches };
}

const persister = { event: () => undefined, clusterHealth: () => undefined } as unknown as SnapshotPersister;
const timing = { backoffMs: 5, maxBackoffMs: 20, watchSeconds: 300, probeMs: 60_000 };
let watcher: ClusterWatcher | undefined;

afterEach(() => watcher?.stop());

function watch(client: KubeClient, timings = timing): SnapshotStore {
  const store = new SnapshotStore();
  store.upsertCluster(record);
  watcher = new ClusterWatcher("c1", client, store, persister, timings);
  watcher.start();
  return store;
}

/** Every health the cluster is published with from now on. */
function healthsOf(store: SnapshotStore): string[] {
  const seen: string[] = [];
  store.subscribe((event) => {
    if (event.type === "cluster") seen.push(event.cluster.health);
  });
  return seen;
}

const health = (store: SnapshotStore) => store.record("c1")?.health;

describe("a cluster watcher", () => {
  it("resumes a dropped watch from the last version the watch delivered, never from a write Syncline made meanwhile", async () => {
    let drop!: () => void;
    const { client, calls } = fakeCluster(
      [[ks("a", "5"), ks("b", "6")]],
      [
        async (emit) => {
          emit({ type: "BOOKMARK", object: { metadata: { name: "", resourceVersion: "12" } } as FluxObject });
          await new Promise<void>((resolve) => (drop = resolve));
          throw unreachable();
        },
        async (emit, signal) => {
          emit({ type: "MODIFIED", object: ks("b", "15", { changed: "while-down" }) });
          await untilAborted(signal);
        },
      ],
    );
    const store = watch(client);
    await vi.waitFor(() => expect(drop).toBeDefined());
    // Syncline patches "a" while the watch is down; "b" changed before that, at version 15.
    store.applyEvent("c1", "Kustomization", { type: "MODIFIED", object: ks("a", "20", { suspended: "by-syncline" }) });
    drop();
    await vi.waitFor(() => expect(store.object("c1", "Kustomization", "flux-system", "b")?.metadata.annotations).toEqual({ changed: "while-down" }));
    const kustomizations = calls.filter((call) => call.path === KUSTOMIZATIONS);
    expect(kustomizations.map((call) => `${call.verb} ${call.resourceVersion ?? ""}`)).toEqual(["list ", "watch 10", "watch 12"]);
    expect(store.object("c1", "Kustomization", "flux-system", "a")?.metadata.resourceVersion).toBe("20");
  });

  it("after 410 Gone lists again, dropping objects deleted meanwhile and keeping each object once", async () => {
    const gone: WatchLine<FluxObject> = { type: "ERROR", object: { kind: "Status", code: 410, message: "too old resource version: 10 (40)" } as unknown as FluxObject };
    const { client, calls } = fakeCluster(
      [[ks("a", "5"), ks("b", "6")], [ks("a", "5"), ks("c", "18")]],
      [
        async (emit) => emit(gone),
        async (_emit, signal) => untilAborted(signal),
      ],
    );
    const store = watch(client);
    await vi.waitFor(() => expect(calls.filter((call) => call.path === KUSTOMIZATIONS && call.verb === "watch")).toHaveLength(2));
    expect(store.objects("c1", "Kustomization").map((o) => o.metadata.name).sort()).toEqual(["a", "c"]);
    expect(calls.filter((call) => call.path === KUSTOMIZATIONS).map((call) => `${call.verb} ${call.resourceVersion ?? ""}`)).toEqual(["list ", "watch 10", "list ", "watch 20"]);
  });

  it("stopping ends its lists and probes still in flight at once", async () => {
    const { client, calls, pending } = fakeCluster([], [], { hang: true });
    watch(client);
    await vi.waitFor(() => expect(calls.map((call) => call.path)).toEqual(expect.arrayContaining([KUSTOMIZATIONS, "/api/v1/events", "/version"])));
    expect(pending()).toBeGreaterThan(2);
    watcher!.stop();
    await vi.waitFor(() => expect(pending()).toBe(0), { timeout: 200 });
  });

  it("stays connected when a watch connection drops and reconnects at once", async () => {
    const { client, dropWatches, calls } = fakeCluster([[ks("a", "5")]], []);
    const store = watch(client, { ...timing, probeMs: 10 });
    await vi.waitFor(() => expect(health(store)).toBe("connected"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const published = healthsOf(store);
    const watchesBefore = calls.filter((call) => call.verb === "watch").length;
    dropWatches();
    await vi.waitFor(() => expect(calls.filter((call) => call.verb === "watch").length).toBeGreaterThanOrEqual(2 * watchesBefore));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(published.filter((h) => h !== "connected")).toEqual([]);
    expect(health(store)).toBe("connected");
  });

  it("after an outage, streams backing off retry as soon as the API server answers again, and read connected though nothing changes", async () => {
    const { client, dropWatches, server } = fakeCluster([[ks("a", "5")]], []);
    const store = watch(client, { ...timing, backoffMs: 10_000, maxBackoffMs: 10_000, probeMs: 10 });
    await vi.waitFor(() => expect(health(store)).toBe("connected"));
    server.down = true;
    dropWatches();
    await vi.waitFor(() => expect(health(store)).toBe("unreachable"));
    server.down = false;
    // Far sooner than the 10 s the streams back off for.
    await vi.waitFor(() => expect(health(store)).toBe("connected"), { timeout: 1_000 });
  });
});
