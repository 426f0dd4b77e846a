// Benchmark: the sync history collector's ingest rate (target ≥ 2,000 events/s) on PostgreSQL and
// on the embedded database: Flux objects changing in a snapshot store (new artifacts, new applies)
// until every step is durably written. Beside it, in the same run, one object's history read
// back (the newest 50 of 50,000 steps) next to `flux events` for one object on a sandbox cluster.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { addSeconds } from "date-fns";
import { attachOrStartWorld } from "../e2e/sandbox";
import { createDb, db, type Db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { SnapshotStore } from "../lib/inventory/snapshot-store";
import type { FluxObject } from "../lib/k8s/resources";
import { createSyncRecordWriter, listObjectHistory, startSyncHistoryCollector, type SyncRecordRow } from "../lib/sync-history";
import { startPostgres } from "../tests/support/postgres-server";
import { percentile, type BenchResult } from "./bench-result";

const EVENTS = 20_000;
const OBJECTS = 200;
const HISTORY_ROWS = 50_000;
const READS = 200;
const BASE = new Date("2026-01-01T00:00:00Z");

// lib/db keeps one process-wide client; the PostgreSQL half swaps it in and back.
const globalForDb = globalThis as unknown as { synclineDb?: Db };

async function withDatabase<T>(client: Db, work: () => Promise<T>): Promise<T> {
  const held = globalForDb.synclineDb;
  globalForDb.synclineDb = client;
  try {
    return await work();
  } finally {
    globalForDb.synclineDb = held;
    await client.$disconnect();
  }
}

async function benchCluster(): Promise<{ id: string; store: SnapshotStore }> {
  const row = await db().cluster.create({ data: { name: `bench-history-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed" } });
  const store = new SnapshotStore();
  store.upsertCluster({
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
  });
  return { id: row.id, store };
}

const sha = (n: number) => n.toString(16).padStart(40, "0");

/** Event `n`: object n % OBJECTS stores a new artifact (a GitRepository) or applies a new revision (a Kustomization). */
function eventObject(n: number): { kind: "GitRepository" | "Kustomization"; object: FluxObject } {
  const index = n % OBJECTS;
  const revision = `main@sha1:${sha(n)}`;
  const at = addSeconds(BASE, n).toISOString().replace(".000", "");
  const metadata = { name: `app-${index}`, namespace: "flux-system", resourceVersion: String(1_000 + n) };
  if (index % 2 === 0) {
    return { kind: "GitRepository", object: { metadata, spec: { url: `https://git.example/app-${index}.git` }, status: { artifact: { revision, lastUpdateTime: at }, conditions: [{ type: "Ready", status: "True", reason: "Succeeded", message: `stored artifact for revision '${revision}'`, lastTransitionTime: at }] } } };
  }
  return {
    kind: "Kustomization",
    object: {
      metadata,
      spec: { sourceRef: { kind: "GitRepository", name: `app-${index - 1}` } },
      status: {
        lastAppliedRevision: revision,
        lastAttemptedRevision: revision,
        history: [{ digest: `sha256:${sha(n)}`, firstReconciled: at, lastReconciled: at, lastReconciledStatus: "ReconciliationSucceeded", metadata: { revision } }],
        conditions: [{ type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: `Applied revision: ${revision}`, lastTransitionTime: at }],
      },
    },
  };
}

/** Events in through the store's watches, until every step is in the database. */
async function ingestRate(): Promise<number> {
  const { id, store } = await benchCluster();
  const collector = startSyncHistoryCollector({ store });
  try {
    await collector.flush();
    const started = performance.now();
    for (let n = 0; n < EVENTS; n++) {
      const { kind, object } = eventObject(n);
      store.applyEvent(id, kind, { type: "MODIFIED", object });
      // Watches deliver in bursts between which the event loop turns; so do these.
      if (n % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    }
    await collector.flush();
    const seconds = (performance.now() - started) / 1000;
    const written = await db().syncRecord.count({ where: { clusterId: id } });
    if (written !== EVENTS) throw new Error(`expected ${EVENTS} sync records, found ${written}`);
    return Math.round(EVENTS / seconds);
  } finally {
    await collector.stop();
    await db().cluster.delete({ where: { id } });
  }
}

/** The newest page of one object's history, among HISTORY_ROWS steps of 100 objects. */
async function historyReadP95(): Promise<number> {
  const { id } = await benchCluster();
  try {
    const writer = createSyncRecordWriter({ batchSize: 5_000 });
    const rows: SyncRecordRow[] = Array.from({ length: HISTORY_ROWS }, (_, n) => ({
      clusterId: id,
      kind: "Kustomization",
      namespace: "flux-system",
      name: `app-${n % 100}`,
      sourceKind: "GitRepository",
      sourceNamespace: "flux-system",
      sourceName: `app-${n % 100}`,
      sourceUrl: null,
      phase: "applied",
      revision: `main@sha1:${sha(n)}`,
      message: "",
      at: addSeconds(BASE, n),
      reconstructed: false,
      oncePerRevision: false,
    }));
    writer.add(rows);
    await writer.stop();
    const samples: number[] = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      await listObjectHistory({ id, kind: "Kustomization", namespace: "flux-system", name: `app-${i % 100}` }, { limit: 50 });
      samples.push(performance.now() - started);
    }
    return Math.round(percentile(samples, 95) * 10) / 10;
  } finally {
    await db().cluster.delete({ where: { id } });
  }
}

function fluxEventsMs(bin: string, kubeconfig: string): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const result = spawnSync(join(bin, "flux"), ["events", "--for", "Kustomization/apps", "-n", "flux-system"], { env: { ...process.env, KUBECONFIG: kubeconfig }, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`flux events failed: ${result.stderr}`);
    samples.push(performance.now() - started);
  }
  return Math.round(percentile(samples, 50));
}

export async function run(): Promise<BenchResult[]> {
  const sandbox = await attachOrStartWorld({ clusters: 2 });
  const postgres = await startPostgres();
  try {
    const cluster = sandbox.world.clusters[0]!;
    const fluxEvents = { name: "flux events --for Kustomization/apps, one object (median)", value: fluxEventsMs(cluster.bin, cluster.kubeconfig), unit: "ms" };
    const embedded = { ingest: await ingestRate(), read: await historyReadP95() };
    await applyMigrations(postgres.url());
    const server = await withDatabase(createDb(postgres.url(), 10), async () => ({ ingest: await ingestRate(), read: await historyReadP95() }));
    const ingest = (engine: string, value: number): BenchResult => ({ name: `collector ingest, ${EVENTS.toLocaleString("en")} watch events to durable rows, ${engine}`, value, unit: "events/s", target: "≥ 2,000 events/s" });
    const read = (engine: string, value: number): BenchResult => ({
      name: `one object's history, newest 50 of ${HISTORY_ROWS.toLocaleString("en")} steps, p95 of ${READS}, ${engine}`,
      value,
      unit: "ms",
      comparison: fluxEvents,
    });
    return [ingest("PostgreSQL", server.ingest), ingest("embedded (PGlite)", embedded.ingest), read("PostgreSQL", server.read), read("embedded (PGlite)", embedded.read)];
  } finally {
    postgres.stop();
    await sandbox.stop();
  }
}
