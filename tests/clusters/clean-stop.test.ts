import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { kubectl } from "@/e2e/sandbox";
import { openEmbeddedDatabase } from "@/lib/db/embedded-database";
import { kubeconfigOf, sandbox, waitFor } from "../support/sandbox-clusters";
import { startSyncline, type RunningSyncline, type SynclineProcess } from "../support/syncline-server";

/**
 * Stopping Syncline as an orchestrator or an operator does: SIGTERM right after a change arrived
 * through a watch, with a browser's live stream open. Nothing of that change may be lost, the
 * browser is told to reconnect elsewhere, and no process of the run outlives 10 s.
 */
const MARKER = "syncline-test/stop-marker";
const STOP_WITHIN_MS = 10_000;

const dirs: string[] = [];
let running: RunningSyncline | undefined;
afterEach(async () => {
  // A stop that failed can leave processes behind after `npm start` itself exited: end the whole group.
  const left = await running?.gone(0).then(
    () => false,
    () => true,
  );
  if (left) running!.signal("group", "SIGKILL");
  running = undefined;
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Database {
  env: Record<string, string>;
  /** The stored Kustomization flux-system/apps of a cluster, read once the server is gone. */
  storedApps(clusterId: string): Promise<{ metadata?: { annotations?: Record<string, string> } } | undefined>;
}

async function postgresDatabase(): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), "syncline-stop-"));
  dirs.push(dataDir);
  const name = `stop_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: inject("databases").postgresAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = inject("databases").postgresAdmin.replace(/\/postgres$/, `/${name}`);
  return { env: { DATABASE_URL: url, SYNCLINE_DATA_DIR: dataDir }, storedApps: (clusterId) => storedApps(url, clusterId) };
}

async function embeddedDatabase(): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), "syncline-stop-"));
  dirs.push(dataDir);
  return {
    env: { DATABASE_URL: "", SYNCLINE_DATA_DIR: dataDir },
    async storedApps(clusterId) {
      // Opening the data folder also proves the stopped server let go of it.
      const embedded = await openEmbeddedDatabase(dataDir);
      try {
        return await storedApps(embedded.url, clusterId);
      } finally {
        await embedded.close();
      }
    },
  };
}

async function storedApps(url: string, clusterId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ object: { metadata?: { annotations?: Record<string, string> } } }>(
      `SELECT "object" FROM "FluxObjectSnapshot" WHERE "clusterId" = $1 AND "kind" = 'Kustomization' AND "namespace" = 'flux-system' AND "name" = 'apps'`,
      [clusterId],
    );
    return rows[0]?.object;
  } finally {
    await client.end();
  }
}

async function signIn(server: RunningSyncline): Promise<Record<string, string>> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ name: "admin", password: "stop admin password" }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  return { cookie, origin: server.baseUrl };
}

async function registerSandboxCluster(server: RunningSyncline, session: Record<string, string>): Promise<string> {
  const cluster = sandbox().clusters[0]!;
  const response = await fetch(`${server.baseUrl}/api/clusters`, {
    method: "POST",
    headers: { ...session, "content-type": "application/json" },
    body: JSON.stringify({ name: `stop-${randomUUID().slice(0, 6)}`, kubeconfig: kubeconfigOf(cluster), allowDuplicateServer: true }),
  });
  const body = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  await waitFor("the cluster to connect", async () => {
    const detail = await fetch(`${server.baseUrl}/api/clusters/${body.id}`, { headers: session });
    return ((await detail.json()) as { health?: string }).health === "connected";
  });
  return body.id;
}

/** A browser's live stream: everything it received, and how it ended. */
interface LiveStream {
  text(): string;
  ended: Promise<"ended" | Error>;
}

async function openLiveStream(server: RunningSyncline, session: Record<string, string>, clusterId: string): Promise<LiveStream> {
  const response = await fetch(`${server.baseUrl}/api/events?cluster=${clusterId}`, { headers: { cookie: session.cookie! } });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended" as const;
        text += decoder.decode(value, { stream: true });
      }
    } catch (error) {
      return error as Error;
    }
  })();
  await waitFor("the stream to connect", () => text.includes(": connected"));
  return { text: () => text, ended };
}

/** Annotates flux-system/apps with kubectl and waits until the live stream and the server's view carry it. */
async function changeThroughTheWatch(server: RunningSyncline, session: Record<string, string>, clusterId: string, stream: LiveStream): Promise<string> {
  const marker = `m${randomUUID()}`;
  const seen = stream.text().length;
  await kubectl(sandbox().clusters[0]!, ["annotate", "--overwrite", "-n", "flux-system", "kustomization", "apps", `${MARKER}=${marker}`]);
  await waitFor(
    "the change to reach the live stream",
    async () => {
      if (!objectEvents(stream.text().slice(seen)).some(({ kind, name }) => kind === "Kustomization" && name === "apps")) return false;
      const detail = await fetch(`${server.baseUrl}/api/clusters/${clusterId}/objects/Kustomization/flux-system/apps`, { headers: session });
      return ((await detail.json()) as { yaml: string }).yaml.includes(marker);
    },
    30_000,
  );
  return marker;
}

function objectEvents(text: string): { kind: string; name: string }[] {
  return text
    .split("\n\n")
    .slice(0, -1) // the last part may be an event still arriving
    .filter((block) => block.startsWith("event: object\n") && block.includes("\ndata: "))
    .map((block) => (JSON.parse(block.slice(block.indexOf("\ndata: ") + "\ndata: ".length)) as { object: { kind: string; name: string } }).object);
}

const cases: { who: string; to: SynclineProcess | "group"; database: "PostgreSQL" | "embedded"; busyOwner?: boolean }[] = [
  { who: "the `npm start` process", to: "launcher", database: "PostgreSQL" },
  { who: "the whole process group", to: "group", database: "PostgreSQL" },
  // A loaded machine may leave the process a while before it runs its handler; nothing in between may kill it for being slow.
  { who: "the whole process group while the database owner is too busy to notice for 300 ms", to: "group", database: "PostgreSQL", busyOwner: true },
  { who: "the Next.js server process alone", to: "dashboard", database: "PostgreSQL" },
  { who: "the process that owns the embedded database", to: "database owner", database: "embedded" },
];

describe("stopping Syncline started with `npm start`", () => {
  for (const { who, to, database: engine, busyOwner } of cases) {
    it(`SIGTERM to ${who} (${engine}) right after a change arrives: all stops within 10 s, the browser is told to reconnect, the change is stored`, async () => {
      const database = engine === "PostgreSQL" ? await postgresDatabase() : await embeddedDatabase();
      running = await startSyncline({ ...database.env, SYNCLINE_ADMIN_PASSWORD: "stop admin password", SYNCLINE_LOG_LEVEL: "info" }, 300_000, { launcher: "npm" });
      const server = running;
      const session = await signIn(server);
      const clusterId = await registerSandboxCluster(server, session);
      const stream = await openLiveStream(server, session, clusterId);
      const marker = await changeThroughTheWatch(server, session, clusterId, stream);

      const owner = busyOwner ? server.processId("database owner") : undefined;
      if (owner) process.kill(owner, "SIGSTOP");
      server.signal(to, "SIGTERM");
      if (owner) {
        await new Promise((resume) => setTimeout(resume, 300));
        // Gone already if something killed it while it was stopped: the output below then lacks its last steps.
        if (isRunning(owner)) process.kill(owner, "SIGCONT");
      }
      const stoppedInMs = await server.gone(STOP_WITHIN_MS);

      expect(stoppedInMs).toBeLessThan(STOP_WITHIN_MS);
      expect(await stream.ended).toBe("ended");
      expect(stream.text()).toMatch(/^retry: \d+$/m);
      expect(server.output()).toContain("shutdown: background stopped");
      expect(server.output()).toContain(`shutdown: ${engine === "PostgreSQL" ? "postgresql" : "embedded"} database closed`);
      expect((await database.storedApps(clusterId))?.metadata?.annotations?.[MARKER]).toBe(marker);
    });
  }
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
