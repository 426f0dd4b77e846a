// Commit to deploy, end to end, on two sandbox clusters running the real Flux controllers: three
// commits by two authors (one of them Zoë), one cluster paused between the second and the third
// and resumed by an operator, and Syncline restarted in the middle. The timeline must agree with
// Flux's own status and events, and the deployments list must say who deployed what, and when.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as clusterAutoSync } from "@/app/api/clusters/[id]/auto-sync/route";
import { GET as deploymentsRoute } from "@/app/api/deployments/route";
import { GET as repositoriesRoute } from "@/app/api/repositories/route";
import { GET as timelineRoute } from "@/app/api/timeline/route";
import type { Actor } from "@/lib/auth/actor";
import { resumeCluster } from "@/lib/autosync";
import { db } from "@/lib/db/client";
import { startDeploymentBuilder } from "@/lib/deployments";
import type { ClusterDetail } from "@/lib/fleet/dto";
import type { DeploymentDto, SourceRepositoryDto, TimelineDto } from "@/lib/schemas/timeline";
import { startSyncHistoryCollector } from "@/lib/sync-history";
import { commitChange, getObject, gitRevision, kubectl, readFluxEvents, requestReconcile, type FluxEvent, type SandboxCluster } from "@/e2e/sandbox";
import { call, ORIGIN } from "../support/http";
import { bearer, connected, forgetRegistered, register, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

const world = sandbox();
const alice = { name: "Alice Martin", email: "alice.martin@acme-shop.io" };
const zoe = { name: "Zoë Ångström", email: "zoe.angstrom@acme-shop.io" };
/** The test's own branch and Flux objects, so its commits never move main, which other specs follow. */
const BRANCH = `timeline-${Date.now().toString(36)}`;
const PROBE = { namespace: "flux-system", name: "timeline-probe" };
const source = { kind: "GitRepository", ...PROBE };
const reconciler = { kind: "Kustomization", ...PROBE };

interface Stoppable {
  stop(): Promise<void>;
}

let operator: { actor: Actor; token: string };
let clusters: { sandbox: SandboxCluster; detail: ClusterDetail }[];
let running: Stoppable[] = [];

/** What Syncline runs on its leader for timelines; stopping and starting it again is a restart. */
function startSyncline(): void {
  running = [startSyncHistoryCollector(), startDeploymentBuilder({ intervalMs: 500 })];
}
async function stopSyncline(): Promise<void> {
  await Promise.all(running.map((job) => job.stop()));
  running = [];
}

const headers = () => ({ ...bearer(operator.token), origin: ORIGIN });

function probeConfigMap(value: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: timeline-probe\ndata:\n  value: ${JSON.stringify(value)}\n`;
}

function push(author: typeof alice, message: string, value: string): Promise<string> {
  return commitChange(world, { author, message, files: { "timeline-probe/configmap.yaml": probeConfigMap(value) }, branch: BRANCH });
}

async function applyProbe(cluster: SandboxCluster): Promise<void> {
  const manifests = [
    {
      apiVersion: "source.toolkit.fluxcd.io/v1",
      kind: "GitRepository",
      metadata: PROBE,
      spec: { interval: "5s", timeout: "20s", url: world.git.repos[0], ref: { branch: BRANCH } },
    },
    {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: PROBE,
      spec: { interval: "10m", path: "./timeline-probe", prune: true, wait: false, timeout: "1m", targetNamespace: "default", sourceRef: { kind: "GitRepository", name: PROBE.name } },
    },
  ];
  for (const manifest of manifests) await kubectl(cluster, ["apply", "--server-side", "--field-manager=sandbox", "-f", "-"], { input: JSON.stringify(manifest) });
}

interface FluxStatus {
  status?: {
    artifact?: { revision?: string; lastUpdateTime?: string };
    lastAppliedRevision?: string;
    history?: { firstReconciled?: string; metadata?: { revision?: string } }[];
  };
}

/** Flux's own time for fetching `sha` on a cluster: the artifact's lastUpdateTime while it is the current artifact. */
const fetchedTimes = new Map<string, string>();

async function fetchedAndApplied(cluster: SandboxCluster, sha: string): Promise<void> {
  await requestReconcile(cluster, source);
  const artifact = await waitFor(`${cluster.name} to fetch ${sha}`, async () => {
    const object = await getObject<FluxStatus>(cluster, source);
    return object.status?.artifact?.revision === gitRevision(sha, BRANCH) ? object.status.artifact : undefined;
  }, 120_000);
  fetchedTimes.set(`${cluster.name}/${sha}`, artifact.lastUpdateTime!);
  await waitFor(`${cluster.name} to apply ${sha}`, async () => (await getObject<FluxStatus>(cluster, reconciler)).status?.lastAppliedRevision === gitRevision(sha, BRANCH), 120_000);
}

/** Flux's history entry for the revision: when kustomize-controller first applied it. */
async function firstReconciled(cluster: SandboxCluster, sha: string): Promise<string> {
  const object = await getObject<FluxStatus>(cluster, reconciler);
  const entry = object.status?.history?.find((h) => h.metadata?.revision === gitRevision(sha, BRANCH));
  if (!entry?.firstReconciled) throw new Error(`${cluster.name}: no history entry for ${sha}: ${JSON.stringify(object.status?.history)}`);
  return entry.firstReconciled;
}

const seconds = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() / 1000 : Number.NaN);

function eventFor(events: FluxEvent[], kind: string, reason: string, sha: string): FluxEvent {
  const event = events.find((e) => e.involvedObject.kind === kind && e.involvedObject.name === PROBE.name && e.reason === reason && Object.values(e.annotations).some((v) => v.endsWith(sha)));
  if (!event) throw new Error(`no ${reason} event of ${kind}/${PROBE.name} for ${sha}`);
  return event;
}

async function repository(): Promise<SourceRepositoryDto> {
  return waitFor("the fleet repository to be known", async () => {
    const list = await call(repositoriesRoute, { headers: headers(), path: "/api/repositories" });
    return (list.json as SourceRepositoryDto[]).find((r) => r.url === world.git.repos[0]);
  });
}

async function timeline(repositoryId: string): Promise<TimelineDto> {
  const ids = clusters.map((c) => c.detail.id).join(",");
  const answer = await call(timelineRoute, { headers: headers(), path: `/api/timeline?source=${repositoryId}&cluster=${ids}` });
  expect(answer.status).toBe(200);
  return answer.json as TimelineDto;
}

async function deployments(): Promise<DeploymentDto[]> {
  const answer = await call(deploymentsRoute, { headers: headers(), path: `/api/deployments?cluster=${clusters.map((c) => c.detail.id).join(",")}&limit=200` });
  expect(answer.status).toBe(200);
  return (answer.json.items as DeploymentDto[]).filter((d) => d.reconciler.name === PROBE.name);
}

beforeAll(async () => {
  await startTestInventory();
  operator = await userActor("operator");
  const initial = await push(alice, "timeline: add the probe", "zero");
  clusters = [];
  for (const index of [0, 1]) {
    const cluster = world.clusters[index]!;
    const detail = await register(cluster, operator.actor);
    await connected(detail.id);
    await applyProbe(cluster);
    clusters.push({ sandbox: cluster, detail });
  }
  await Promise.all(clusters.map((c) => fetchedAndApplied(c.sandbox, initial)));
  startSyncline();
});

afterAll(async () => {
  await stopSyncline();
  for (const { sandbox: cluster, detail } of clusters ?? []) {
    await resumeCluster(detail.id, operator.actor).catch(() => undefined);
    await kubectl(cluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "flux-system", "kustomization", PROBE.name]).catch(() => undefined);
    await kubectl(cluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "flux-system", "gitrepository", PROBE.name]).catch(() => undefined);
    await kubectl(cluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "default", "configmap", "timeline-probe"]).catch(() => undefined);
  }
  const scratch = mkdtempSync(join(tmpdir(), "timeline-push-"));
  execFileSync("git", ["init", "--quiet", scratch]);
  execFileSync("git", ["-C", scratch, "push", "--quiet", world.git.repos[0]!, `:refs/heads/${BRANCH}`], { env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
  rmSync(scratch, { recursive: true, force: true });
  await forgetRegistered(operator.actor);
});

describe("the commit-to-deploy timeline on two clusters", () => {
  it("records every fetch and apply at Flux's own times, shows the paused cluster's gap and catch-up, names the authors and the operator who resumed, and loses nothing across a restart", async () => {
    const [staging, production] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];

    const first = await push(alice, "timeline: first change", "one");
    await Promise.all(clusters.map((c) => fetchedAndApplied(c.sandbox, first)));

    // Syncline restarts while the second commit reaches both clusters: the steps it missed are
    // rebuilt from Flux's status when it starts again.
    await stopSyncline();
    const second = await push(zoe, "timeline: zweite Änderung", "two");
    await Promise.all(clusters.map((c) => fetchedAndApplied(c.sandbox, second)));
    startSyncline();

    const paused = await call(clusterAutoSync, { method: "PUT", headers: headers(), params: { id: production.detail.id }, body: { enabled: false, reason: "incident: hold the probe" } });
    expect(paused.status).toBe(200);
    const third = await push(zoe, "timeline: third change", "three");
    await fetchedAndApplied(staging.sandbox, third);
    // The paused cluster's source still fetches (Syncline pauses reconcilers, not sources); the apply waits.
    await requestReconcile(production.sandbox, source);
    await waitFor("production to fetch the third commit", async () => (await getObject<FluxStatus>(production.sandbox, source)).status?.artifact?.revision === gitRevision(third, BRANCH), 120_000);
    fetchedTimes.set(`${production.sandbox.name}/${third}`, (await getObject<FluxStatus>(production.sandbox, source)).status!.artifact!.lastUpdateTime!);

    const repo = await repository();
    const held = await waitFor("the third commit to show as held on production", async () => {
      const cell = (await timeline(repo.id)).commits.find((c) => c.sha === third)?.cells.find((c) => c.clusterId === production.detail.id);
      return cell?.state === "held" ? cell : undefined;
    });
    expect(held.heldBy).toMatchObject({ actor: operator.actor.name, reason: "incident: hold the probe" });

    const resumedAt = new Date();
    const resumed = await call(clusterAutoSync, { method: "PUT", headers: headers(), params: { id: production.detail.id }, body: { enabled: true } });
    expect(resumed.status).toBe(200);
    await waitFor("production to catch up", async () => (await getObject<FluxStatus>(production.sandbox, reconciler)).status?.lastAppliedRevision === gitRevision(third, BRANCH), 120_000);

    const commits = [first, second, third];
    const view = await waitFor("every commit applied on both clusters in the timeline", async () => {
      const current = await timeline(repo.id);
      const rows = commits.map((sha) => current.commits.find((c) => c.sha === sha));
      return rows.every((row) => row?.cells.filter((cell) => clusters.some((c) => c.detail.id === cell.clusterId)).every((cell) => cell.state === "applied")) ? current : undefined;
    }, 60_000);

    for (const { sandbox: cluster, detail } of clusters) {
      const events = await readFluxEvents(cluster);
      for (const sha of commits) {
        const cell = view.commits.find((c) => c.sha === sha)!.cells.find((c) => c.clusterId === detail.id)!;
        const fluxFetched = fetchedTimes.get(`${cluster.name}/${sha}`)!;
        expect(Math.abs(seconds(cell.fetchedAt) - seconds(fluxFetched)), `${cluster.name} fetched ${sha}`).toBeLessThanOrEqual(1);
        expect(Math.abs(seconds(cell.fetchedAt) - seconds(eventFor(events, "GitRepository", "NewArtifact", sha).lastTimestamp))).toBeLessThanOrEqual(1);
        expect(Math.abs(seconds(cell.appliedAt) - seconds(await firstReconciled(cluster, sha))), `${cluster.name} applied ${sha}`).toBeLessThanOrEqual(1);
        expect(Math.abs(seconds(cell.appliedAt) - seconds(eventFor(events, "Kustomization", "ReconciliationSucceeded", sha).lastTimestamp))).toBeLessThanOrEqual(1);
      }
    }

    // The gap: production applied the third commit only after the resume, later than staging did.
    const thirdRow = view.commits.find((c) => c.sha === third)!;
    const thirdOn = (id: string) => thirdRow.cells.find((c) => c.clusterId === id)!;
    expect(seconds(thirdOn(production.detail.id).appliedAt)).toBeGreaterThanOrEqual(Math.floor(resumedAt.getTime() / 1000));
    expect(seconds(thirdOn(staging.detail.id).appliedAt)).toBeLessThan(seconds(thirdOn(production.detail.id).appliedAt));
    const window = view.suspensions.find((s) => s.clusterId === production.detail.id && s.reason === "incident: hold the probe");
    expect(window).toMatchObject({ actor: operator.actor.name, to: expect.any(String) });
    expect(seconds(window!.from)).toBeLessThanOrEqual(seconds(thirdOn(staging.detail.id).appliedAt));

    const list = await waitFor("a deployment of every commit on both clusters", async () => {
      const all = await deployments();
      return commits.every((sha) => clusters.every((c) => all.some((d) => d.cluster.id === c.detail.id && d.revision === gitRevision(sha, BRANCH)))) ? all : undefined;
    }, 60_000);
    for (const { detail } of clusters) {
      for (const [sha, author] of [[first, alice], [second, zoe], [third, zoe]] as const) {
        const deployment = list.find((d) => d.cluster.id === detail.id && d.revision === gitRevision(sha, BRANCH))!;
        expect(deployment.commitDetails.state).toBe("available");
        expect(deployment.commits.map((c) => [c.sha, c.authorName, c.authorEmail])).toEqual([[sha, author.name, author.email]]);
        const commit = deployment.commits[0]!;
        expect(commit.leadTimeSeconds).toBe(Math.round(seconds(deployment.appliedAt) - seconds(commit.committedAt)));
        expect(commit.leadTimeSeconds).toBeGreaterThanOrEqual(0);
      }
    }
    const catchUp = list.find((d) => d.cluster.id === production.detail.id && d.revision === gitRevision(third, BRANCH))!;
    expect(catchUp.trigger).toEqual({ user: operator.actor.name, action: "resume" });
    expect(list.find((d) => d.cluster.id === staging.detail.id && d.revision === gitRevision(third, BRANCH))!.trigger).toBeNull();

    // Nothing lost or doubled across the restart: one row per step, the missed ones rebuilt.
    for (const { detail } of clusters) {
      const rows = await db().syncRecord.findMany({ where: { clusterId: detail.id, name: PROBE.name, revision: { in: commits.map((sha) => gitRevision(sha, BRANCH)) } } });
      const steps = rows.map((r) => `${r.kind} ${r.phase} ${r.revision}`);
      expect(new Set(steps).size).toBe(steps.length);
      for (const sha of commits) {
        expect(steps).toContain(`GitRepository fetched ${gitRevision(sha, BRANCH)}`);
        expect(steps).toContain(`Kustomization applied ${gitRevision(sha, BRANCH)}`);
      }
      const rebuilt = rows.filter((r) => r.revision === gitRevision(second, BRANCH) && r.phase === "applied");
      expect(rebuilt.map((r) => r.reconstructed)).toEqual([true]);
    }
  });
});
