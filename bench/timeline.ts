// Benchmark: server time of GET /api/timeline (target p95 ≤ 100 ms) for the page the timeline
// opens on (the newest 100 commits) of a window of one repository's 500 commits on 30 clusters,
// with 50,000 sync events, the deployments the builder makes of them and a few suspensions, on
// PostgreSQL and on the embedded database; the whole window in one answer beside it; and the
// first page of GET /api/deployments. Beside them, in the same run: `git log` over the same 500 commits, and
// `flux events` for one object on a sandbox cluster.
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addMinutes, addSeconds, differenceInSeconds, subDays } from "date-fns";
import { GET as listDeploymentsRoute } from "../app/api/deployments/route";
import { GET as timelineRoute } from "../app/api/timeline/route";
import { attachOrStartWorld } from "../e2e/sandbox";
import { systemActor } from "../lib/auth/actor";
import { readCommits, registerSourceRepository } from "../lib/commits";
import { createDb, db, type Db } from "../lib/db/client";
import type { Commit, Prisma } from "../lib/db/generated/client";
import { applyMigrations } from "../lib/db/migrate";
import { buildDeployments } from "../lib/deployments";
import { parseFluxRevision } from "../lib/drift/parse-flux-revision";
import { createGitClient, type GitClient } from "../lib/git";
import { inventory } from "../lib/inventory";
import type { TimelineDto } from "../lib/schemas/timeline";
import { createSyncRecordWriter, type SyncRecordRow } from "../lib/sync-history";
import { createApiToken } from "../lib/tokens";
import { addUser } from "../lib/users";
import { startPostgres } from "../tests/support/postgres-server";
import { percentile, type BenchResult } from "./bench-result";
import { medianCliMs } from "./sandbox-timing";

const CLUSTERS = 30;
const COMMITS = 500;
const SYNC_EVENTS = 50_000;
const RECONCILERS = ["infrastructure", "apps", "monitoring"];
// Sources fetch a new revision every few commits; each reconciler then reports two health checks.
const FETCH_STRIDES = [3, 4, 4];
const HEALTH_CHECKS = 2;
const REQUESTS = 120;
// What the timeline page asks for first: GET /api/timeline's default page.
const PAGE = 100;
const WARM_UP = 10;
// The whole window in one answer is slow enough that fewer samples do.
const WHOLE_WINDOW_READS = 30;
const GIT_LOG_RUNS = 9;

// Whole seconds, as Git keeps commit times; commits run from three weeks ago to an hour ago.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const FIRST_COMMIT = subDays(NOW, 21);
const COMMIT_SPACING_SECONDS = Math.floor((21 * 24 * 3600 - 3600) / COMMITS);

const authors = [
  { name: "Alice Martin", email: "alice@example.com" },
  { name: "Zoë Ångström", email: "zoe@example.com" },
  { name: "Bilal Haddad", email: "bilal@example.com" },
  { name: "Chen Wei", email: "chen@example.com" },
  { name: "Dana Kowalski", email: "dana@example.com" },
  { name: "Emeka Obi", email: "emeka@example.com" },
];

const fleet = { kind: "GitRepository", namespace: "flux-system", name: "fleet" };

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

const commitTime = (index: number) => addSeconds(FIRST_COMMIT, index * COMMIT_SPACING_SECONDS);

/** A real repository of COMMITS commits by several authors, written in one `git fast-import`; returns its folder and head. */
function writeRepository(dir: string): { url: string; head: string } {
  const url = join(dir, "fleet.git");
  const env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  execFileSync("git", ["init", "--quiet", "--bare", "--initial-branch=main", url], { env });
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  const stream = Array.from({ length: COMMITS }, (_, i) => {
    const author = authors[(i * 7) % authors.length]!;
    const when = `${Math.floor(commitTime(i).getTime() / 1000)} +0000`;
    const who = `${author.name} <${author.email}> ${when}`;
    const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-${i % 40}\ndata:\n  RELEASE: "${i}"\n`;
    return [
      "commit refs/heads/main",
      `mark :${i + 1}`,
      `author ${who}`,
      `committer ${who}`,
      data(`apps: release ${i} of app-${i % 40}\n\nRolls app-${i % 40} forward to release ${i}.`),
      ...(i > 0 ? [`from :${i}`] : []),
      `M 644 inline apps/app-${i % 40}.yaml`,
      data(manifest),
    ].join("\n");
  }).join("\n");
  execFileSync("git", ["fast-import", "--quiet"], { cwd: url, env, input: stream });
  return { url, head: execFileSync("git", ["rev-parse", "main"], { cwd: url, env, encoding: "utf8" }).trim() };
}

interface Seeded {
  repositoryId: string;
  clusterIds: string[];
}

// A cluster held for a day and released, one reconciler held for an afternoon, and a cluster still held now.
const SUSPENSIONS = [
  { cluster: 0, kind: "", name: "", actor: "dana", reason: "change freeze", createdAt: subDays(NOW, 14), endedAt: subDays(NOW, 13) },
  { cluster: 4, kind: "Kustomization", name: "apps", actor: "bilal", reason: "incident 4411", createdAt: subDays(NOW, 6), endedAt: addMinutes(subDays(NOW, 6), 240) },
  { cluster: 9, kind: "", name: "", actor: "alice", reason: "database migration", createdAt: subDays(NOW, 2), endedAt: null },
];

const heldAt = (c: number, name: string, at: Date) =>
  SUSPENSIONS.some((s) => s.cluster === c && (!s.kind || s.name === name) && at >= s.createdAt && (!s.endedAt || at < s.endedAt));

/**
 * The fleet's history: every cluster's `fleet` source fetches a new revision every few commits,
 * and its three Kustomizations each report progress and health checks and then apply it, or fail
 * on some; nothing moves where a suspension holds. Clusters lag each other by minutes. Retention
 * keeps the newest SYNC_EVENTS.
 */
function syncEvents(clusterIds: string[], shas: string[], url: string): SyncRecordRow[] {
  const rows: SyncRecordRow[] = [];
  const step = (clusterId: string, object: { kind: string; namespace: string; name: string }, phase: SyncRecordRow["phase"], revision: string, message: string, at: Date): SyncRecordRow => ({
    clusterId,
    ...object,
    sourceKind: fleet.kind,
    sourceNamespace: fleet.namespace,
    sourceName: fleet.name,
    sourceUrl: url,
    phase,
    revision,
    message,
    at,
    reconstructed: false,
    oncePerRevision: false,
  });
  clusterIds.forEach((clusterId, c) => {
    const stride = FETCH_STRIDES[c % FETCH_STRIDES.length]!;
    for (let i = c % stride; i < shas.length; i += stride) {
      const revision = `main@sha1:${shas[i]}`;
      const fetchedAt = addSeconds(commitTime(i), 60 + c * 20);
      if (heldAt(c, fleet.name, fetchedAt)) continue;
      rows.push(step(clusterId, fleet, "fetched", revision, `stored artifact for revision '${revision}'`, fetchedAt));
      RECONCILERS.forEach((name, r) => {
        const reconciler = { kind: "Kustomization", namespace: "flux-system", name };
        const started = addSeconds(fetchedAt, 5 + r * 15);
        if (heldAt(c, name, started)) return;
        rows.push(step(clusterId, reconciler, "progressing", "", "Reconciliation in progress", started));
        for (let check = 1; check <= HEALTH_CHECKS; check++) rows.push(step(clusterId, reconciler, "progressing", "", `Health check ${check} of ${HEALTH_CHECKS} in progress`, addSeconds(started, check * 4)));
        const finished = addSeconds(started, 4 * HEALTH_CHECKS + 6);
        if ((i + c + r) % 37 === 0) rows.push(step(clusterId, reconciler, "failed", revision, `kustomize build failed: apps/app-${i % 40}.yaml: accumulating resources`, finished));
        else rows.push(step(clusterId, reconciler, "applied", revision, `Applied revision: ${revision}`, finished));
      });
    }
  });
  if (rows.length < SYNC_EVENTS) throw new Error(`the history holds ${rows.length} sync events, fewer than ${SYNC_EVENTS}`);
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-SYNC_EVENTS);
}

async function seedClusters(): Promise<Array<{ id: string; name: string; createdAt: Date; labels: Record<string, string> }>> {
  const rows = [];
  for (let c = 0; c < CLUSTERS; c++) {
    const labels = { env: ["production", "staging", "development"][c % 3]!, region: `eu-${c % 4}` };
    const name = `bench-timeline-${String(c).padStart(2, "0")}-${randomUUID().slice(0, 6)}`;
    const row = await db().cluster.create({ data: { name, server: `https://10.1.${c}.1:6443`, context: "bench", kubeconfigEncrypted: "sealed", labels } });
    rows.push({ ...row, labels });
  }
  return rows;
}

/**
 * The clusters as the connected inventory shows them, each with its `fleet` source, which the
 * timeline reads to list who pulls the repository. Only after the deployments are built: the
 * builder would ask these clusters, which have no API server, for their sources' credentials.
 */
function showInStore(clusters: Array<{ id: string; name: string; createdAt: Date; labels: Record<string, string> }>, url: string): void {
  for (const row of clusters) {
    inventory().store.upsertCluster({
      id: row.id,
      name: row.name,
      server: "https://127.0.0.1:6443",
      context: "bench",
      labels: row.labels,
      fluxVersion: "v2.9.5",
      capabilities: { kubernetesVersion: "v1.35.4", controllers: [], permissions: { list: true, watch: true, patch: true }, authMethod: "token" },
      createdAt: row.createdAt.toISOString(),
      health: "connected",
      healthMessage: null,
      lastSeenAt: NOW.toISOString(),
    });
    inventory().store.replaceList(row.id, "GitRepository", [
      { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", metadata: { ...fleet, uid: randomUUID(), resourceVersion: "1" }, spec: { url, interval: "1m" } },
    ]);
  }
}

async function seedSuspensions(clusterIds: string[]): Promise<void> {
  for (const { cluster, ...window } of SUSPENSIONS) {
    await db().suspension.create({ data: { ...window, clusterId: clusterIds[cluster]!, namespace: window.kind ? "flux-system" : "", endedBy: window.endedAt ? window.actor : null } });
  }
}

/**
 * The deployments the leader's builder makes of the applied steps (lib/deployments): each with
 * the reconciler's previous applied revision and every commit since it, with its lead time; the
 * first of each reconciler is "initial" with its head commit. Written here as rows because the
 * builder reads each one's commits with several git processes (about 3 deployments/s on the
 * benchmark machine); a run of the real builder afterwards must find nothing left to build.
 */
async function writeDeployments(events: SyncRecordRow[], commits: Commit[], repositoryId: string): Promise<number> {
  const position = new Map(commits.map((commit, index) => [commit.sha, index]));
  const previous = new Map<string, { revision: string; index: number }>();
  const deployments: Prisma.DeploymentCreateManyInput[] = [];
  const links: Prisma.DeploymentCommitCreateManyInput[] = [];
  for (const step of events) {
    if (step.phase !== "applied") continue;
    const key = `${step.clusterId}/${step.kind}/${step.namespace}/${step.name}`;
    const index = position.get(parseFluxRevision(step.revision).sha!)!;
    const before = previous.get(key);
    const id = randomUUID();
    deployments.push({
      id,
      clusterId: step.clusterId,
      objectKind: step.kind,
      objectNamespace: step.namespace,
      objectName: step.name,
      sourceKind: step.sourceKind,
      sourceNamespace: step.sourceNamespace,
      sourceName: step.sourceName,
      repositoryId,
      revision: step.revision,
      previousRevision: before?.revision ?? null,
      change: before ? "forward" : "initial",
      appliedAt: step.at,
      commitsResolved: true,
    });
    for (const commit of commits.slice(before ? before.index + 1 : index, index + 1)) {
      links.push({ deploymentId: id, commitId: commit.id, leadTimeSeconds: differenceInSeconds(step.at, commit.committedAt, { roundingMethod: "round" }) });
    }
    previous.set(key, { revision: step.revision, index });
  }
  for (let i = 0; i < deployments.length; i += 2_000) await db().deployment.createMany({ data: deployments.slice(i, i + 2_000) });
  for (let i = 0; i < links.length; i += 5_000) await db().deploymentCommit.createMany({ data: links.slice(i, i + 5_000) });
  return deployments.length;
}

/** The whole data set on the database lib/db points at: the repository's commits read through lib/commits. */
async function seed(repo: { url: string; head: string }, git: GitClient): Promise<Seeded & { events: number; deployments: number; seconds: number }> {
  const started = performance.now();
  const repository = await registerSourceRepository(repo.url);
  const read = await readCommits(repository, undefined, repo.head, { git, max: COMMITS });
  if (!read.ok || read.commits.length !== COMMITS) throw new Error(`lib/commits read ${read.ok ? read.commits.length : read.error} commits, expected ${COMMITS}`);
  const oldestFirst = [...read.commits].reverse();
  const clusters = await seedClusters();
  const clusterIds = clusters.map((c) => c.id);
  const history = syncEvents(clusterIds, oldestFirst.map((c) => c.sha), repository.url);
  const writer = createSyncRecordWriter({ batchSize: 5_000 });
  writer.add(history);
  await writer.stop();
  const events = await db().syncRecord.count({ where: { clusterId: { in: clusterIds } } });
  if (events !== SYNC_EVENTS) throw new Error(`expected ${SYNC_EVENTS} sync records, found ${events}`);
  await seedSuspensions(clusterIds);
  const deployments = await writeDeployments(history, oldestFirst, repository.id);
  const leftOver = await buildDeployments({ git, now: () => NOW });
  if (leftOver.created > 0 || leftOver.unavailable > 0) throw new Error(`the deployment builder found ${leftOver.created} applied steps without their deployment`);
  showInStore(clusters, repository.url);
  return { repositoryId: repository.id, clusterIds, events, deployments, seconds: Math.round((performance.now() - started) / 1000) };
}

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * p95 (and p50) server time of a route handler called as Next.js calls it, with a bearer token:
 * REQUESTS calls of the path after a warm-up, or with `calls`, that many calls without one, each
 * answer checked.
 */
async function serverTimes(route: Route, path: string | ((call: number) => string), token: string, check: (body: unknown) => void, calls?: number): Promise<{ p95: number; p50: number }> {
  const pathOf = (i: number) => (typeof path === "string" ? path : path(i));
  const call = async (i = 0) => {
    const url = pathOf(i);
    const started = performance.now();
    const response = await route(new Request(`http://syncline.bench${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
    return { ms, body };
  };
  const samples: number[] = [];
  if (calls) {
    for (let i = 0; i < calls; i++) {
      const { ms, body } = await call(i);
      check(JSON.parse(body));
      samples.push(ms);
    }
  } else {
    check(JSON.parse((await call()).body));
    for (let i = 1; i < WARM_UP; i++) await call();
    for (let i = 0; i < REQUESTS; i++) samples.push((await call()).ms);
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { p95: round(percentile(samples, 95)), p50: round(percentile(samples, 50)) };
}

interface Figures {
  firstTimeline: { p95: number; p50: number };
  timeline: { p95: number; p50: number };
  wholeWindow: { p95: number; p50: number };
  deployments: { p95: number; p50: number };
  seeded: { events: number; deployments: number; seconds: number };
}

async function measure(repo: { url: string; head: string }, git: GitClient): Promise<Figures> {
  const seeded = await seed(repo, git);
  try {
    const name = `bench-${randomUUID().slice(0, 8)}`;
    await addUser({ name, role: "viewer", password: "bench-password-123" }, systemActor);
    const { token } = await createApiToken(name, { name: "bench" }, systemActor);
    // Windows ending a few seconds apart after the last commit all hold the same 500 commits.
    const timelinePath = (call: number, extra = "") =>
      `/api/timeline?source=${seeded.repositoryId}&from=${encodeURIComponent(subDays(FIRST_COMMIT, 1).toISOString())}&to=${encodeURIComponent(addSeconds(NOW, call).toISOString())}${extra}`;
    const grid = (commits: number) => (body: unknown) => {
      const view = body as TimelineDto;
      if (view.commits.length !== commits || view.clusters.length !== CLUSTERS || view.commits.some((c) => c.cells.length !== CLUSTERS)) {
        throw new Error(`the timeline showed ${view.commits.length} commits × ${view.clusters.length} clusters, expected ${commits} × ${CLUSTERS}`);
      }
    };
    await samePagedAsWhole(token, (cursor) => timelinePath(-1, `&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ""}`), timelinePath(-1, `&limit=${COMMITS}`));
    // The page opens on the last 30 days up to now: an open window, which moves with every request and is never kept.
    const firstTimeline = await serverTimes(timelineRoute, `/api/timeline?source=${seeded.repositoryId}`, token, grid(PAGE));
    const timeline = await serverTimes(timelineRoute, timelinePath(0), token, grid(PAGE));
    const wholeWindow = await serverTimes(timelineRoute, () => `/api/timeline?source=${seeded.repositoryId}&limit=${COMMITS}`, token, grid(COMMITS), WHOLE_WINDOW_READS);
    const deployments = await serverTimes(listDeploymentsRoute, "/api/deployments", token, (body) => {
      if ((body as { items: unknown[] }).items.length !== 50) throw new Error("GET /api/deployments did not answer a full first page");
    });
    return { firstTimeline, timeline, wholeWindow, deployments, seeded };
  } finally {
    for (const id of seeded.clusterIds) inventory().store.removeCluster(id);
    await db().cluster.deleteMany({ where: { id: { in: seeded.clusterIds } } });
    await db().sourceRepository.delete({ where: { id: seeded.repositoryId } });
  }
}

/**
 * The pages a user scrolls through say what one answer for the whole window says, cell for cell:
 * a page reads only the steps from its oldest commit on, and must lose nothing by it.
 */
async function samePagedAsWhole(token: string, pagePath: (cursor: string | null) => string, wholePath: string): Promise<void> {
  const get = async (path: string) => {
    const response = await timelineRoute(new Request(`http://syncline.bench${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as TimelineDto;
  };
  const whole = await get(wholePath);
  const paged: TimelineDto["commits"] = [];
  let cursor: string | null = null;
  do {
    const page = await get(pagePath(cursor));
    paged.push(...page.commits);
    cursor = page.nextCursor;
  } while (cursor);
  if (JSON.stringify(paged) !== JSON.stringify(whole.commits)) throw new Error("the timeline's pages differ from the whole window's answer");
}

/** Median wall time of the `git log` a user would run to list the same 500 commits with their authors and times. */
function gitLogMs(url: string): number {
  const samples: number[] = [];
  for (let i = 0; i < GIT_LOG_RUNS; i++) {
    const started = performance.now();
    const result = spawnSync("git", ["log", "--format=%H %an <%ae> %cI %s", "main"], { cwd: url, encoding: "utf8" });
    if (result.status !== 0 || result.stdout.trim().split("\n").length !== COMMITS) throw new Error(`git log failed: ${result.stderr}`);
    samples.push(performance.now() - started);
  }
  return Math.round(percentile(samples, 50) * 10) / 10;
}

export async function run(): Promise<BenchResult[]> {
  const sandbox = await attachOrStartWorld({ clusters: 2 });
  const postgres = await startPostgres();
  const work = mkdtempSync(join(tmpdir(), "syncline-bench-timeline-"));
  try {
    const repo = writeRepository(work);
    const gitLog = { name: `git log --format=… over the same ${COMMITS} commits (median)`, value: gitLogMs(repo.url), unit: "ms" };
    const cluster = sandbox.world.clusters[0]!;
    const fluxEvents = { name: "flux events --for Kustomization/apps, one object on one cluster (median)", value: medianCliMs(cluster, "flux", ["events", "--for", "Kustomization/apps", "-n", "flux-system"]), unit: "ms" };
    await applyMigrations(postgres.url());
    const server = await withDatabase(createDb(postgres.url(), 10), () => measure(repo, createGitClient({ cacheDir: join(work, "git-cache-postgres") })));
    const embedded = await measure(repo, createGitClient({ cacheDir: join(work, "git-cache-embedded") }));
    const data = (seeded: Figures["seeded"]) => `${seeded.events.toLocaleString("en")} sync events, ${seeded.deployments.toLocaleString("en")} deployments`;
    const timeline = (engine: string, figures: Figures): BenchResult[] => [
      {
        name: `GET /api/timeline p95, the page it opens on: the last 30 days, newest ${PAGE} of ${COMMITS} commits × ${CLUSTERS} clusters, ${data(figures.seeded)}, read afresh each time (${REQUESTS} requests), ${engine}`,
        value: figures.firstTimeline.p95,
        unit: "ms",
        target: "≤ 100 ms",
        comparison: gitLog,
      },
      { name: `GET /api/timeline p50, the page it opens on, ${engine}`, value: figures.firstTimeline.p50, unit: "ms", comparison: fluxEvents },
      {
        name: `GET /api/timeline p95, a fixed window's page again, data unchanged (kept per replica; ${REQUESTS} requests), ${engine}`,
        value: figures.timeline.p95,
        unit: "ms",
        target: "≤ 100 ms",
        comparison: gitLog,
      },
      { name: `GET /api/timeline p95, the whole window in one answer (limit=${COMMITS}; ${WHOLE_WINDOW_READS} requests), ${engine}`, value: figures.wholeWindow.p95, unit: "ms", comparison: gitLog },
      { name: `GET /api/deployments first page (50) p95, ${engine}`, value: figures.deployments.p95, unit: "ms", comparison: fluxEvents },
    ];
    console.log(`seeded and built in ${server.seeded.seconds} s (PostgreSQL), ${embedded.seeded.seconds} s (embedded)`);
    return [...timeline("PostgreSQL", server), ...timeline("embedded (PGlite)", embedded)];
  } finally {
    rmSync(work, { recursive: true, force: true });
    postgres.stop();
    await sandbox.stop();
  }
}
