// The sync history collector and its history reads on both engines, fed through a real snapshot
// store with Flux objects captured from the sandbox (lib/sync-history/fixtures).
import { randomUUID } from "node:crypto";
import { addSeconds } from "date-fns";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import type { FluxKind } from "@/lib/fleet/dto";
import { SnapshotStore, type ClusterRecord } from "@/lib/inventory/snapshot-store";
import type { FluxObject } from "@/lib/k8s/resources";
import { createSyncRecordWriter, listObjectHistory, startSyncHistoryCollector, type SyncHistoryCollector, type SyncRecordRow } from "@/lib/sync-history";
import gitRepositoryFetched from "@/lib/sync-history/fixtures/git-repository-fetched.json";
import kustomizationHistory from "@/lib/sync-history/fixtures/kustomization-history.json";
import kustomizationRetrying from "@/lib/sync-history/fixtures/kustomization-retrying.json";

const clusters: string[] = [];
const collectors: SyncHistoryCollector[] = [];

async function newCluster(): Promise<{ id: string; store: SnapshotStore }> {
  const row = await db().cluster.create({
    data: { name: `sync-history-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed" },
  });
  clusters.push(row.id);
  const store = new SnapshotStore();
  const record: ClusterRecord = {
    id: row.id,
    name: row.name,
    server: row.server,
    context: "default",
    labels: {},
    fluxVersion: null,
    capabilities: { kubernetesVersion: null, controllers: [], permissions: { list: true, watch: true, patch: true }, authMethod: "token" },
    createdAt: row.createdAt.toISOString(),
    health: "connected",
    healthMessage: null,
    lastSeenAt: null,
  };
  store.upsertCluster(record);
  return { id: row.id, store };
}

function collect(store: SnapshotStore): SyncHistoryCollector {
  const collector = startSyncHistoryCollector({ store, writer: { flushMs: 10, retryMs: 10, maxRetryMs: 20 } });
  collectors.push(collector);
  return collector;
}

async function stop(collector: SyncHistoryCollector): Promise<void> {
  collectors.splice(collectors.indexOf(collector), 1);
  await collector.stop();
}

const watched = (store: SnapshotStore, clusterId: string, kind: FluxKind, object: unknown) => store.applyEvent(clusterId, kind, { type: "MODIFIED", object: object as FluxObject });
const records = (clusterId: string) => db().syncRecord.findMany({ where: { clusterId }, orderBy: [{ at: "asc" }, { phase: "asc" }] });
const brief = (rows: Awaited<ReturnType<typeof records>>) => rows.map((r) => `${r.kind}/${r.name} ${r.phase} ${r.revision} ${r.at.toISOString()}${r.reconstructed ? " reconstructed" : ""}`);

beforeEach(() => vi.restoreAllMocks());

afterAll(async () => {
  await Promise.all(collectors.map((collector) => collector.stop()));
  await db().cluster.deleteMany({ where: { id: { in: clusters } } });
});

describe("the sync history collector", () => {
  it("rebuilds what the objects show on start, marked reconstructed, then records what watches bring as seen live", async () => {
    const { id, store } = await newCluster();
    const [first, second, third] = kustomizationHistory;
    store.replaceList(id, "GitRepository", [gitRepositoryFetched as FluxObject]);
    store.replaceList(id, "Kustomization", [first as FluxObject]);
    const collector = collect(store);
    await collector.flush();
    watched(store, id, "Kustomization", second);
    watched(store, id, "Kustomization", third);
    await collector.flush();

    expect(brief(await records(id))).toEqual([
      "GitRepository/fleet fetched main@sha1:8ba98cdb2faf4106d285ca370926314b440988a6 2026-12-01T23:47:00.000Z reconstructed",
      "Kustomization/h1-fixture applied h1-fixture@sha1:633721c46d8f7b4e1bf43a15a47ccfa613ef6994 2026-12-01T23:52:38.000Z reconstructed",
      "Kustomization/h1-fixture applied h1-fixture@sha1:e5c33ae17746a3937d42a5fca31ac98d9da66963 2026-12-01T23:52:40.000Z",
      // The readme commit left the manifests alone: Flux relabelled the entry, and the store dates it by the run that applied it.
      "Kustomization/h1-fixture applied h1-fixture@sha1:f36a2c190ef9b5103b625c55e38d4a4012b6a5ee 2026-12-01T23:52:43.000Z",
    ]);
    const fetched = (await records(id)).find((r) => r.phase === "fetched")!;
    expect(fetched).toMatchObject({ sourceKind: "GitRepository", sourceName: "fleet", sourceUrl: "http://127.0.0.1:35579/fleet.git", message: expect.stringContaining("stored artifact") });
  });

  it("after a restart, rebuilding from status duplicates nothing: not a step seen live, nor a relabelled revision that history now dates differently", async () => {
    const { id, store } = await newCluster();
    const [first, second, third] = kustomizationHistory;
    store.replaceList(id, "Kustomization", [first as FluxObject]);
    const live = collect(store);
    await live.flush();
    watched(store, id, "Kustomization", second);
    watched(store, id, "Kustomization", third);
    await stop(live);
    const before = brief(await records(id));

    // A new leader whose store has no note of when the relabelled revision applied: history alone dates it by firstReconciled.
    const restarted = new SnapshotStore();
    restarted.upsertCluster(store.record(id)!);
    restarted.replaceList(id, "Kustomization", [third as FluxObject]);
    const next = collect(restarted);
    await next.flush();
    await stop(next);

    expect(brief(await records(id))).toEqual(before);
  });

  it("lists two applies that Flux dates in the same second in the order they happened, seen live or rebuilt after a restart", async () => {
    // Flux writes whole seconds, and a quick second commit often lands in the first one's second.
    const [first, second] = kustomizationHistory as unknown as [FluxObject, FluxObject];
    const secondOf = (object: FluxObject) => (object.status!.history as Array<{ firstReconciled: string }>)[1]!.firstReconciled;
    const named = (object: FluxObject, name: string): FluxObject => structuredClone({ ...object, metadata: { ...object.metadata, name } });
    const fast = (name: string): [FluxObject, FluxObject] => {
      const next = named(second, name);
      const entries = next.status!.history as Array<{ firstReconciled: string; lastReconciled: string }>;
      entries[0]!.firstReconciled = entries[0]!.lastReconciled = secondOf(second);
      return [named(first, name), next];
    };
    // Many objects, so that an order left to chance cannot pass by luck.
    const names = Array.from({ length: 16 }, (_, i) => `fast-${i}`);
    const appliedOrder = async (clusterId: string) =>
      Promise.all(names.map(async (name) => (await listObjectHistory({ id: clusterId, kind: "Kustomization", namespace: "flux-system", name }, { phase: "applied" })).items.map((step) => [step.revision, step.at])));
    const expected = [
      [second.status!.lastAppliedRevision as string, "2026-12-01T23:52:38.000Z"],
      [first.status!.lastAppliedRevision as string, "2026-12-01T23:52:38.000Z"],
    ];

    const live = await newCluster();
    live.store.replaceList(live.id, "Kustomization", names.map((name) => fast(name)[0]));
    const collector = collect(live.store);
    await collector.flush();
    for (const name of names) watched(live.store, live.id, "Kustomization", fast(name)[1]);
    await stop(collector);
    expect(await appliedOrder(live.id)).toEqual(names.map(() => expected));

    const rebuilt = await newCluster();
    rebuilt.store.replaceList(rebuilt.id, "Kustomization", names.map((name) => fast(name)[1]));
    const restarted = collect(rebuilt.store);
    await restarted.flush();
    await stop(restarted);
    expect(await appliedOrder(rebuilt.id)).toEqual(names.map(() => expected));
  });

  it("records a failure once while Flux retries it, and again only after a success", async () => {
    const { id, store } = await newCluster();
    const collector = collect(store);
    for (const stage of kustomizationRetrying) watched(store, id, "Kustomization", stage);
    await collector.flush();
    expect((await records(id)).map((r) => `${r.phase} ${r.at.toISOString()}`)).toEqual(["progressing 2026-12-01T23:47:53.000Z", "failed 2026-12-01T23:47:53.000Z"]);

    const failing = kustomizationRetrying[3] as FluxObject;
    const healed: FluxObject = {
      ...failing,
      metadata: { ...failing.metadata, resourceVersion: "900" },
      status: { conditions: [{ type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: "Applied", lastTransitionTime: "2026-12-01T23:49:00Z" }] },
    };
    const failingAgain: FluxObject = {
      ...failing,
      metadata: { ...failing.metadata, resourceVersion: "901" },
      status: { conditions: [{ type: "Ready", status: "False", reason: "ArtifactFailed", message: "kustomization path not found", lastTransitionTime: "2026-12-01T23:50:00Z" }] },
    };
    watched(store, id, "Kustomization", healed);
    watched(store, id, "Kustomization", failingAgain);
    await collector.flush();
    expect((await records(id)).filter((r) => r.phase === "failed").map((r) => r.at.toISOString())).toEqual(["2026-12-01T23:47:53.000Z", "2026-12-01T23:50:00.000Z"]);
  });

  it("after a restart, a failure still being retried is not recorded again", async () => {
    const { id, store } = await newCluster();
    const live = collect(store);
    watched(store, id, "Kustomization", kustomizationRetrying[1]);
    await stop(live);

    const restarted = new SnapshotStore();
    restarted.upsertCluster(store.record(id)!);
    restarted.replaceList(id, "Kustomization", [kustomizationRetrying[3] as FluxObject]);
    const next = collect(restarted);
    await next.flush();
    expect((await records(id)).filter((r) => r.phase === "failed").map((r) => r.at.toISOString())).toEqual(["2026-12-01T23:47:53.000Z"]);
  });

  it("keeps records through a database outage and writes them once it is back", async () => {
    const { id, store } = await newCluster();
    const executeRaw = db().$executeRaw.bind(db());
    let failures = 3;
    vi.spyOn(db(), "$executeRaw").mockImplementation(((...args: Parameters<typeof executeRaw>) => {
      if (failures-- > 0) return Promise.reject(new Error("connection refused"));
      return executeRaw(...args);
    }) as typeof executeRaw);
    const collector = collect(store);
    watched(store, id, "GitRepository", gitRepositoryFetched);
    await vi.waitFor(async () => expect(await records(id)).toHaveLength(1), { timeout: 5_000 });
    expect(failures).toBeLessThan(0);
    await stop(collector);
  });
});

describe("the sync record writer", () => {
  const row = (clusterId: string, at: Date): SyncRecordRow => ({
    clusterId,
    kind: "GitRepository",
    namespace: "flux-system",
    name: "fleet",
    sourceKind: "GitRepository",
    sourceNamespace: "flux-system",
    sourceName: "fleet",
    sourceUrl: null,
    phase: "fetched",
    revision: `main@sha1:${at.getTime()}`,
    message: "stored artifact\u0000",
    at,
    reconstructed: false,
    oncePerRevision: false,
  });

  it("writes the same step twice as one row, whether seen live or rebuilt", async () => {
    const { id } = await newCluster();
    const writer = createSyncRecordWriter({ flushMs: 10 });
    const at = new Date("2026-12-01T10:00:00Z");
    writer.add([row(id, at), row(id, addSeconds(at, 1))]);
    await writer.flush();
    writer.add([{ ...row(id, at), reconstructed: true }, row(id, addSeconds(at, 1))]);
    await writer.stop();
    const rows = await records(id);
    expect(rows.map((r) => [r.at.toISOString(), r.reconstructed])).toEqual([
      ["2026-12-01T10:00:00.000Z", false],
      ["2026-12-01T10:00:01.000Z", false],
    ]);
    expect(rows[0]!.message).toBe("stored artifact\\u0000");
  });

  it("leaves out the rows of a cluster removed while they waited, writing the rest of their batch", async () => {
    const { id } = await newCluster();
    const removed = await newCluster();
    await db().cluster.delete({ where: { id: removed.id } });
    const writer = createSyncRecordWriter({ flushMs: 10_000 });
    const at = new Date("2026-12-01T12:00:00Z");
    writer.add([row(removed.id, at), row(id, at)]);
    await writer.flush();
    expect(writer.pending).toBe(0);
    expect(await records(id)).toHaveLength(1);
    await writer.stop();
  });

  it("sets rows aside rather than growing without bound, and asks for them to be rebuilt once the database takes writes again", async () => {
    const { id } = await newCluster();
    const rebuild = vi.fn();
    const writer = createSyncRecordWriter({ flushMs: 10_000, maxPending: 2, onOverflow: rebuild });
    const at = new Date("2026-12-01T11:00:00Z");
    expect(writer.add([row(id, at), row(id, addSeconds(at, 1))])).toBe(true);
    expect(writer.add([row(id, addSeconds(at, 2))])).toBe(false);
    expect(writer.pending).toBe(2);
    await writer.flush();
    expect(rebuild).toHaveBeenCalledOnce();
    await writer.stop();
  });
});

describe("an object's sync history", () => {
  async function seeded(count: number) {
    const { id } = await newCluster();
    const writer = createSyncRecordWriter();
    const base = new Date("2026-11-01T00:00:00Z");
    writer.add(
      Array.from({ length: count }, (_, i): SyncRecordRow => ({
        clusterId: id,
        kind: "Kustomization",
        namespace: "flux-system",
        name: "apps",
        sourceKind: "GitRepository",
        sourceNamespace: "flux-system",
        sourceName: "fleet",
        sourceUrl: "http://git.example/fleet.git",
        phase: i % 3 === 0 ? "failed" : "applied",
        revision: `main@sha1:${String(i).padStart(40, "0")}`,
        message: `step ${i}`,
        at: addSeconds(base, Math.floor(i / 2)),
        reconstructed: i % 2 === 0,
        oncePerRevision: false,
      })),
    );
    await writer.stop();
    return id;
  }
  const apps = (id: string) => ({ id, kind: "Kustomization" as const, namespace: "flux-system", name: "apps" });

  it("pages newest first with a keyset cursor, every step exactly once, even when steps share a time", async () => {
    const id = await seeded(25);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listObjectHistory(apps(id), { limit: 7, cursor });
      seen.push(...page.items.map((item) => item.message));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const all = (await listObjectHistory(apps(id), { limit: 500 })).items;
    expect(all.map((item) => item.at)).toEqual([...all.map((item) => item.at)].sort().reverse());
    expect(all[0]).toMatchObject({ clusterId: id, object: { kind: "Kustomization", namespace: "flux-system", name: "apps" }, source: { kind: "GitRepository", name: "fleet", url: "http://git.example/fleet.git" } });
  });

  it("filters by phase", async () => {
    const id = await seeded(9);
    const failed = await listObjectHistory(apps(id), { phase: "failed" });
    expect(failed.items.map((item) => item.message)).toEqual(["step 6", "step 3", "step 0"]);
  });

  it("is not found for a cluster Syncline does not know, and refuses a cursor it did not hand out", async () => {
    await expect(listObjectHistory(apps(randomUUID()))).rejects.toSatisfy((error) => isAppError(error) && error.code === "not_found");
    const id = await seeded(1);
    await expect(listObjectHistory(apps(id), { cursor: "bm90LWEtY3Vyc29y" })).rejects.toSatisfy((error) => isAppError(error) && error.code === "validation_failed");
  });
});
