// Durable sync history against the sandbox's real Git server and Flux controllers: the steps the
// collector records carry Flux's own timestamps (as its status and its Kubernetes Events show them),
// and a collector that was down (a restart, a failover) fills in what it missed from status, once.
// The scenarios build on each other, so they run in order in one file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyObject, commitChange, getObject, gitRevision, kubectl, readFluxEvents, requestReconcile, type SandboxCluster } from "@/e2e/sandbox";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { listObjectHistory, startSyncHistoryCollector, type SyncHistoryCollector } from "@/lib/sync-history";
import { forgetRegistered, registerConnectedSandboxCluster, sandbox, waitFor } from "../support/sandbox-clusters";

const NAME = `sync-history-${Date.now().toString(36)}`;
/** The probe's own branch, so its commits never move main, which the fleet and other specs follow. */
const BRANCH = NAME;
const source = { kind: "GitRepository", name: NAME, namespace: "flux-system" };
const reconciler = { kind: "Kustomization", name: NAME, namespace: "flux-system" };
const author = { name: "Zoë Ångström", email: "zoe.angstrom@acme-shop.io" };

let admin: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;
let collector: SyncHistoryCollector | undefined;

interface FluxStatus {
  status?: {
    artifact?: { revision?: string; lastUpdateTime?: string };
    lastAppliedRevision?: string;
    history?: Array<{ firstReconciled?: string; metadata?: { revision?: string } }>;
  };
}

function configMap(value: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${NAME}\ndata:\n  value: ${JSON.stringify(value)}\n`;
}

function push(value: string): Promise<string> {
  return commitChange(sandbox(), { author, message: `probe: set the value to ${value}`, files: { [`${NAME}/configmap.yaml`]: configMap(value) }, branch: BRANCH });
}

/** Asks Flux to fetch and apply now, and waits until the Kustomization reports `sha` applied. */
async function appliedByFlux(sha: string): Promise<FluxStatus> {
  await requestReconcile(sandboxCluster, source);
  await requestReconcile(sandboxCluster, reconciler);
  return waitFor(`Flux to apply ${sha}`, async () => {
    const object = await getObject<FluxStatus>(sandboxCluster, reconciler);
    return object.status?.lastAppliedRevision === gitRevision(sha, BRANCH) ? object : null;
  }, 120_000);
}

async function rows(phase?: "fetched" | "applied") {
  return db().syncRecord.findMany({ where: { clusterId: cluster.id, name: NAME, ...(phase ? { phase } : {}) }, orderBy: { at: "asc" } });
}

/** The steps of one revision, once the collector has written them. */
async function recorded(sha: string) {
  const revision = gitRevision(sha, BRANCH);
  return waitFor(`the fetch and apply of ${sha} to be recorded`, async () => {
    await collector?.flush();
    const all = await rows();
    const fetched = all.filter((row) => row.kind === "GitRepository" && row.phase === "fetched" && row.revision === revision);
    const applied = all.filter((row) => row.kind === "Kustomization" && row.phase === "applied" && row.revision === revision);
    return fetched.length > 0 && applied.length > 0 ? { fetched, applied } : null;
  });
}

const seconds = (a: Date | string, b: Date | string) => Math.abs(new Date(a).getTime() - new Date(b).getTime()) / 1000;

beforeAll(async () => {
  ({ user: admin, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "admin"));
  const first = await push("one");
  await applyObject(sandboxCluster, {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "GitRepository",
    metadata: { name: NAME, namespace: "flux-system" },
    spec: { interval: "10m", url: sandbox().git.repos[0], ref: { branch: BRANCH } },
  });
  await applyObject(sandboxCluster, {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name: NAME, namespace: "flux-system" },
    spec: { interval: "10m", path: `./${NAME}`, prune: true, wait: false, timeout: "1m", targetNamespace: "default", sourceRef: { kind: "GitRepository", name: NAME } },
  });
  await appliedByFlux(first);
  collector = startSyncHistoryCollector({ writer: { flushMs: 50 } });
});

afterAll(async () => {
  await collector?.stop();
  await kubectl(sandboxCluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "flux-system", "kustomization", NAME]).catch(() => undefined);
  await kubectl(sandboxCluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "flux-system", "gitrepository", NAME]).catch(() => undefined);
  await kubectl(sandboxCluster, ["delete", "--ignore-not-found", "--wait=false", "-n", "default", "configmap", NAME]).catch(() => undefined);
  const scratch = mkdtempSync(join(tmpdir(), "sync-history-push-"));
  execFileSync("git", ["init", "--quiet", scratch]);
  execFileSync("git", ["-C", scratch, "push", "--quiet", sandbox().git.repos[0]!, `:refs/heads/${BRANCH}`], { env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
  rmSync(scratch, { recursive: true, force: true });
  await forgetRegistered(admin.actor);
});

describe("sync history", () => {
  it("records a pushed commit's fetch and apply at Flux's own times, matching its status and its Kubernetes Events within 1 s", async () => {
    const sha = await push("two");
    const flux = await appliedByFlux(sha);
    const revision = gitRevision(sha, BRANCH);
    const { fetched, applied } = await recorded(sha);
    expect(fetched).toHaveLength(1);
    expect(applied).toHaveLength(1);
    expect(fetched[0]).toMatchObject({ reconstructed: false, sourceKind: "GitRepository", sourceName: NAME, sourceUrl: sandbox().git.repos[0] });
    expect(applied[0]).toMatchObject({ reconstructed: false, sourceKind: "GitRepository", sourceName: NAME, sourceUrl: sandbox().git.repos[0] });

    const artifact = (await getObject<FluxStatus>(sandboxCluster, source)).status!.artifact!;
    expect(artifact.revision).toBe(revision);
    const entry = flux.status!.history!.find((e) => e.metadata?.revision === revision)!;
    expect(seconds(fetched[0]!.at, artifact.lastUpdateTime!)).toBeLessThanOrEqual(1);
    expect(seconds(applied[0]!.at, entry.firstReconciled!)).toBeLessThanOrEqual(1);

    const events = await readFluxEvents(sandboxCluster, { namespace: "flux-system" });
    const newArtifact = events.find((e) => e.involvedObject.kind === "GitRepository" && e.involvedObject.name === NAME && e.reason === "NewArtifact" && e.annotations["source.toolkit.fluxcd.io/revision"] === revision);
    const succeeded = events.find((e) => e.involvedObject.kind === "Kustomization" && e.involvedObject.name === NAME && e.reason === "ReconciliationSucceeded" && e.annotations["kustomize.toolkit.fluxcd.io/revision"] === revision);
    expect(newArtifact, "Flux's NewArtifact event").toBeDefined();
    expect(succeeded, "Flux's ReconciliationSucceeded event").toBeDefined();
    expect(seconds(fetched[0]!.at, newArtifact!.lastTimestamp)).toBeLessThanOrEqual(1);
    expect(seconds(applied[0]!.at, succeeded!.lastTimestamp)).toBeLessThanOrEqual(1);

    const history = await listObjectHistory({ id: cluster.id, kind: "Kustomization", namespace: "flux-system", name: NAME }, { phase: "applied" });
    expect(history.items[0]).toMatchObject({ clusterName: cluster.name, object: reconciler, phase: "applied", revision, at: applied[0]!.at.toISOString(), reconstructed: false });
  });

  it("after a restart, fills in a commit fetched and applied while no collector ran, once, marked reconstructed, and duplicates nothing", async () => {
    await collector!.stop();
    collector = undefined;
    const before = await rows();

    const sha = await push("three");
    await appliedByFlux(sha);
    // The store has seen the new status; only the collector was down, as on a leader that lost its lease.
    await waitFor("the store to see the apply", () => inventory().store.object(cluster.id, "Kustomization", "flux-system", NAME)?.status?.lastAppliedRevision === gitRevision(sha, BRANCH));

    collector = startSyncHistoryCollector({ writer: { flushMs: 50 } });
    const { fetched, applied } = await recorded(sha);
    expect(fetched.map((row) => row.reconstructed)).toEqual([true]);
    expect(applied.map((row) => row.reconstructed)).toEqual([true]);

    // A second restart, and the steps already recorded are no-ops.
    await collector.stop();
    collector = startSyncHistoryCollector({ writer: { flushMs: 50 } });
    await collector.flush();
    const after = await rows();
    const identity = (row: (typeof after)[number]) => `${row.kind}/${row.phase}/${row.revision}/${row.at.toISOString()}`;
    expect(new Set(after.map(identity)).size).toBe(after.length);
    expect(after.filter((row) => !before.some((old) => old.id === row.id)).map((row) => `${row.kind}/${row.phase}/${row.revision}`).sort()).toEqual(
      [`GitRepository/fetched/${gitRevision(sha, BRANCH)}`, `Kustomization/applied/${gitRevision(sha, BRANCH)}`].sort(),
    );
    for (const old of before) expect(after.find((row) => row.id === old.id), `${identity(old)} kept as it was`).toMatchObject({ reconstructed: old.reconstructed, at: old.at });
  });
});
