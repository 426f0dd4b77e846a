import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { kubectl, kubectlJson, type SandboxCluster } from "@/e2e/sandbox";
import { syncline } from "../support/cli";
import { leaderAmong, leaseOf, type LeaseRow } from "../support/leader-lease";
import { sandbox, waitFor } from "../support/sandbox-clusters";
import { startSyncline, type RunningSyncline } from "../support/syncline-server";

/**
 * Two Syncline processes, started as `npm start` starts them, on one real PostgreSQL with a
 * sandbox cluster registered. The lease keeps its default timing (the 15 s takeover is promised
 * for the defaults); only the expiry worker ticks faster, so an expiry is acted on within a second.
 */
const FLUX_NAMESPACE = "flux-system";
const run = randomUUID().slice(0, 8);
const dataDir = mkdtempSync(join(tmpdir(), "syncline-replicas-"));
let sandboxCluster: SandboxCluster;
let env: Record<string, string>;
let database: pg.Client;
let clusterId: string;
/** More registrations of the same server, each with a suspension of its own that expires at the same moment. */
const EXPIRING = 4;
let expiringIds: string[];
let token: string;
const replicas: RunningSyncline[] = [];

beforeAll(async () => {
  sandboxCluster = sandbox().clusters[0]!;
  const name = `replicas_${run}`;
  const admin = new pg.Client({ connectionString: inject("databases").postgresAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  env = {
    DATABASE_URL: inject("databases").postgresAdmin.replace(/\/postgres$/, `/${name}`),
    SYNCLINE_DATA_DIR: dataDir,
    SYNCLINE_SECRET_KEY: "5f".repeat(32),
    SYNCLINE_ADMIN_PASSWORD: "two replicas admin password",
    SYNCLINE_EXPIRY_TICK_MS: "1000",
    SYNCLINE_LOG_LEVEL: "info",
  };
  database = new pg.Client({ connectionString: env.DATABASE_URL });
  await database.connect();
  await cli(["migrate"]);
  await cli(["cluster", "add", `replicas-${run}`, "--kubeconfig", sandboxCluster.kubeconfig, "--allow-duplicate-server"]);
  for (let i = 0; i < EXPIRING; i++) await cli(["cluster", "add", `replicas-${run}-${i}`, "--kubeconfig", sandboxCluster.kubeconfig, "--allow-duplicate-server"]);
  const clusters = await database.query<{ id: string; name: string }>(`SELECT id, name FROM "Cluster"`);
  clusterId = clusters.rows.find((cluster) => cluster.name === `replicas-${run}`)!.id;
  expiringIds = clusters.rows.filter((cluster) => cluster.id !== clusterId).map((cluster) => cluster.id);
  // One after the other: the first start creates the admin and builds the dashboard if needed.
  replicas.push(await startSyncline(env));
  replicas.push(await startSyncline(env));
  token = (await cli(["token", "create", "--user", "admin", "--name", "replicas"])).trim();
});

afterAll(async () => {
  // Leaves the shared sandbox cluster as it was, through whichever replica still answers.
  for (const replica of replicas) {
    if ((await api(replica, "PUT", `/api/clusters/${clusterId}/auto-sync`, { enabled: true }).catch(() => undefined))?.ok) break;
  }
  await Promise.all(replicas.map((replica) => replica.stop()));
  await database?.end();
  if (sandboxCluster) {
    await kubectl(sandboxCluster, ["annotate", "gitrepository", "fleet", "-n", FLUX_NAMESPACE, ...MARKS.map((mark) => `${annotationOf(mark)}-`)]).catch(() => undefined);
    await kubectl(sandboxCluster, ["delete", "events", "-n", FLUX_NAMESPACE, "-l", `syncline-test-run=${run}`]).catch(() => undefined);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("two replicas on one PostgreSQL", () => {
  it("every replica serves the API, and suspensions that expire together are each resumed and audited once, not once per replica", async () => {
    for (const replica of replicas) {
      await waitFor("every registration to be connected on every replica", async () => {
        const clusters = (await (await api(replica, "GET", "/api/clusters")).json()) as Array<{ id: string; health: string }>;
        return [clusterId, ...expiringIds].every((id) => clusters.some((cluster) => cluster.id === id && cluster.health === "connected"));
      });
    }

    // Far enough out that the table is locked before any of them is due, even on a busy machine.
    const until = Date.now() + 10_000;
    for (const [index, id] of expiringIds.entries()) {
      const replica = replicas[index % 2]!;
      const switched = await api(replica, "PUT", `/api/clusters/${id}/auto-sync`, { enabled: false, reason: `replicas ${index}`, until: new Date(until).toISOString() });
      expect(switched.status, `${await switched.text()}\n${replica.output().slice(-4_000)}`).toBe(200);
    }
    // A slow database lines up the ticks of any expiry workers there are: each waits on the table
    // until the suspensions are past due, then every one of them reads them at the same moment.
    const slowDatabase = new pg.Client({ connectionString: env.DATABASE_URL });
    await slowDatabase.connect();
    await slowDatabase.query(`BEGIN; LOCK TABLE "Suspension" IN ACCESS EXCLUSIVE MODE`);
    expect(Date.now(), "the table was locked before the suspensions were due").toBeLessThan(until);
    await new Promise((resolve) => setTimeout(resolve, until + 2_500 - Date.now()));
    await slowDatabase.query("COMMIT");
    await slowDatabase.end();
    await waitFor("every suspension to expire", async () => (await openSuspensions(expiringIds)) === 0 && (await suspendedReconcilers()).length === 0, 30_000);
    await ticks(3);
    for (const id of expiringIds) expect(await expiryRecords(id)).toEqual(["success"]);
  });

  it("when the leader is killed, the survivor takes over within 15 s, resumes its suspension once, and stores every change exactly once", async () => {
    const leader = await waitFor("a leader", () => leaderReplica());
    const survivor = replicas.find((replica) => replica !== leader)!;
    const oldHolder = (await lease())!.holder;

    await recordChange("before");
    await waitFor("the leader to store the change made before the handover", () => stored("before"), 15_000);

    const until = Date.now() + 20_000;
    const switched = await api(leader, "PUT", `/api/clusters/${clusterId}/auto-sync`, { enabled: false, reason: "handover", until: new Date(until).toISOString() });
    expect(((await switched.json()) as { outcome: string }).outcome).toBe("success");
    const expiriesBefore = (await expiryRecords()).length;

    await new Promise((resolve) => setTimeout(resolve, until - 5_000 - Date.now()));
    const killedAt = Date.now();
    await leader.kill();

    // Made while no replica writes: the old leader is dead and its lease has not expired yet.
    await recordChange("during");
    expect((await lease())?.holder).toBe(oldHolder);

    await waitFor("the survivor to hold the lease", async () => (await leaderReplica()) === survivor, 20_000);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThanOrEqual(15_000);

    await waitFor("the survivor to store the change made during the handover", () => stored("during"), 10_000);
    await waitFor("the survivor to resume the expired suspension", async () => (await openSuspensions()) === 0 && (await suspendedReconcilers()).length === 0, 20_000);
    await recordChange("after");
    await waitFor("the survivor to store the change made after the handover", () => stored("after"), 15_000);

    await ticks(3);
    const expiries = (await expiryRecords()).slice(expiriesBefore);
    expect(expiries).toEqual(["success"]);
    const suspension = (await database.query(`SELECT "endedBy" FROM "Suspension" WHERE reason = 'handover'`)).rows;
    expect(suspension).toEqual([{ endedBy: "system" }]);
    for (const mark of MARKS) expect(await eventRows(mark)).toBe(1);
    expect((await api(survivor, "GET", "/api/clusters")).status).toBe(200);
  });
});

const MARKS = ["before", "during", "after"] as const;
type Mark = (typeof MARKS)[number];

function annotationOf(mark: Mark): string {
  return `syncline-test/handover-${mark}`;
}

/**
 * A change Syncline must store: a Kubernetes Event about the fleet GitRepository (a SyncEvent
 * row) and an annotation on it (its snapshot). A source, because the expiry never touches one.
 */
async function recordChange(mark: Mark): Promise<void> {
  const now = new Date().toISOString();
  const event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `replicas-${run}-${mark}`, namespace: FLUX_NAMESPACE, labels: { "syncline-test-run": run } },
    involvedObject: { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", namespace: FLUX_NAMESPACE, name: "fleet" },
    type: "Normal",
    reason: "HandoverTest",
    message: `replicas ${run} ${mark}`,
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: "syncline-test" },
  };
  await kubectl(sandboxCluster, ["create", "-f", "-"], { input: stringify(event) });
  await kubectl(sandboxCluster, ["annotate", "--overwrite", "gitrepository", "fleet", "-n", FLUX_NAMESPACE, `${annotationOf(mark)}=${run}`]);
}

async function stored(mark: Mark): Promise<boolean> {
  const snapshot = await database.query<{ object: { metadata: { annotations?: Record<string, string> } } }>(
    `SELECT object FROM "FluxObjectSnapshot" WHERE "clusterId" = $1 AND kind = 'GitRepository' AND namespace = $2 AND name = 'fleet'`,
    [clusterId, FLUX_NAMESPACE],
  );
  return snapshot.rows[0]?.object.metadata.annotations?.[annotationOf(mark)] === run && (await eventRows(mark)) > 0;
}

async function eventRows(mark: Mark): Promise<number> {
  const rows = await database.query(`SELECT 1 FROM "SyncEvent" WHERE "clusterId" = $1 AND message = $2`, [clusterId, `replicas ${run} ${mark}`]);
  return rows.rowCount ?? 0;
}

function lease(): Promise<LeaseRow | undefined> {
  return leaseOf(database);
}

function leaderReplica(): Promise<RunningSyncline | undefined> {
  return leaderAmong(database, replicas);
}

async function openSuspensions(clusterIds = [clusterId]): Promise<number> {
  return (await database.query(`SELECT 1 FROM "Suspension" WHERE "clusterId" = ANY($1::uuid[]) AND "endedAt" IS NULL`, [clusterIds])).rowCount ?? 0;
}

async function suspendedReconcilers(): Promise<string[]> {
  const list = await kubectlJson<{ items: Array<{ kind: string; metadata: { name: string }; spec: { suspend?: boolean } }> }>(sandboxCluster, [
    "get",
    "kustomizations,helmreleases",
    "-n",
    FLUX_NAMESPACE,
  ]);
  return list.items.filter((item) => item.spec.suspend === true).map((item) => `${item.kind}/${item.metadata.name}`);
}

/** Completed expiry records (an intent written before the work is not a second expiry). */
async function expiryRecords(id = clusterId): Promise<string[]> {
  const rows = await database.query<{ outcome: string }>(
    `SELECT outcome FROM "AuditEvent" WHERE action = 'autosync.expire' AND "clusterId" = $1 AND outcome <> 'pending' ORDER BY seq`,
    [id],
  );
  return rows.rows.map((row) => row.outcome);
}

/** Waits out a few expiry ticks, so a second worker would have had its turn. */
function ticks(count: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, count * Number(env.SYNCLINE_EXPIRY_TICK_MS)));
}

async function cli(args: string[]): Promise<string> {
  const result = await syncline(args, { env });
  if (result.status !== 0) throw new Error(`syncline ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

function api(replica: RunningSyncline, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${replica.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
