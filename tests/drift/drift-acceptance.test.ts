import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as clusterAutoSync } from "@/app/api/clusters/[id]/auto-sync/route";
import { GET as objectDriftRoute } from "@/app/api/clusters/[id]/drift/[kind]/[namespace]/[name]/route";
import { POST as refreshRoute } from "@/app/api/clusters/[id]/drift/refresh/route";
import { GET as clusterDriftRoute } from "@/app/api/clusters/[id]/drift/route";
import { GET as resumePreviewRoute } from "@/app/api/clusters/[id]/resume-preview/route";
import { GET as historyRoute } from "@/app/api/drift/history/route";
import { GET as fleetDriftRoute } from "@/app/api/drift/route";
import type { Actor } from "@/lib/auth/actor";
import { resumeCluster } from "@/lib/autosync";
import { startDriftCollector, type DriftCollector } from "@/lib/drift";
import { driftContextFor, driftEngine } from "@/lib/drift/drift-engine";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import type { ClusterDrift, DriftedObject, DriftEpisode } from "@/lib/schemas/drift";
import { getObject, kubectl, startApiserver, stopApiserver, type SandboxCluster } from "@/e2e/sandbox";
import { call, ORIGIN } from "../support/http";
import { reconcileHandled } from "../support/reconcile-handled";
import { bearer, forgetRegistered, registerConnectedSandboxCluster, sandbox, waitFor } from "../support/sandbox-clusters";

const run = promisify(execFile);

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let staging: SandboxCluster;
let collector: DriftCollector;
const scratch = mkdtempSync(join(tmpdir(), "drift-acceptance-"));

beforeAll(async () => {
  ({ user: operator, sandboxCluster: staging, cluster } = await registerConnectedSandboxCluster(0, "operator"));
  // The setting an operator uses when flux is not on PATH: the sandbox's own build.
  process.env.SYNCLINE_FLUX_CLI = join(sandbox().bin, "flux");
  collector = startDriftCollector({ engine: driftEngine, contextFor: driftContextFor, debounceMs: 300, refreshPollMs: 200 });
});

afterAll(async () => {
  await resumeCluster(cluster.id, operator.actor).catch(() => undefined);
  await collector.stop();
  delete process.env.SYNCLINE_FLUX_CLI;
  await forgetRegistered(operator.actor);
  rmSync(scratch, { recursive: true, force: true });
});

const headers = () => ({ ...bearer(operator.token), origin: ORIGIN });
const driftNow = async (): Promise<ClusterDrift> => (await call(clusterDriftRoute, { headers: headers(), params: { id: cluster.id } })).json;
const keyOf = (o: { kind: string; namespace: string; name: string }) => `${o.kind}/${o.namespace}/${o.name}`;

/** Asks for a recompute, as the refresh button does, and waits for a report computed after the ask. */
async function refreshed(): Promise<ClusterDrift> {
  const asked = await call(refreshRoute, { method: "POST", headers: headers(), params: { id: cluster.id } });
  expect(asked.status).toBe(202);
  return waitFor("a drift report computed after the refresh", async () => {
    const drift = await driftNow();
    return drift.computedAt !== null && drift.computedAt >= asked.json.requestedAt && !drift.computing ? drift : undefined;
  }, 120_000);
}

/** `kubectl edit`, with a sed script as the editor: the change carries kubectl-edit's field manager, as a person's would. */
async function kubectlEdit(target: string[], sedScript: string): Promise<void> {
  await run(join(staging.bin, "kubectl"), ["edit", ...target], { env: { ...process.env, KUBECONFIG: staging.kubeconfig, EDITOR: `sed -i -e ${sedScript}` } });
}

/** `flux diff kustomization` on a checkout of the revision the Kustomization applied: the reference for drift. */
async function fluxDiff(kustomization: { name: string; path: string; revision: string }): Promise<{ objects: string[]; fields: Map<string, string[]> }> {
  const checkout = join(scratch, `${kustomization.name}-${Date.now()}`);
  await run("git", ["clone", "--quiet", `${sandbox().git.url}/fleet.git`, checkout]);
  await run("git", ["-C", checkout, "checkout", "--quiet", kustomization.revision.split(":").at(-1)!]);
  const args = ["diff", "kustomization", kustomization.name, "--path", join(checkout, kustomization.path)];
  const output = await run(join(staging.bin, "flux"), args, { env: { ...process.env, KUBECONFIG: staging.kubeconfig } }).then(
    (done) => done.stdout,
    (failed: { code?: number; stdout?: string }) => {
      // flux diff exits 1 when it finds differences.
      if (failed.code !== 1) throw failed;
      return failed.stdout ?? "";
    },
  );
  return parseFluxDiff(output);
}

const FLUX_CHANGE: Record<string, DriftedObject["change"]> = { drifted: "modified", created: "missing", deleted: "unmanaged" };

/**
 * flux diff prints "► Kind/namespace/name drifted|created|deleted", then per differing field its
 * path on a line followed by "± …". metadata.generation is left out: flux diff shows the
 * generation its own dry run would give, which is not a field anyone set.
 */
function parseFluxDiff(output: string): { objects: string[]; fields: Map<string, string[]> } {
  const objects: string[] = [];
  const fields = new Map<string, string[]>();
  let current = "";
  const lines = output.split("\n").map((line) => line.trimEnd());
  lines.forEach((line, index) => {
    const header = /^► (.+) (drifted|created|deleted)$/.exec(line);
    if (header) {
      const parts = header[1]!.split("/");
      const [kind, namespace, name] = parts.length === 3 ? parts : [parts[0], "", parts[1]];
      current = `${kind}/${namespace}/${name}`;
      objects.push(`${current} ${FLUX_CHANGE[header[2]!]}`);
      fields.set(current, []);
    } else if (current && lines[index + 1]?.startsWith("±") && line !== "metadata.generation") {
      fields.get(current)!.push(line);
    }
  });
  return { objects: objects.sort(), fields };
}

describe("drift on a sandbox cluster, from hand changes to Flux's correction", () => {
  it("lists exactly the four hand changes with their fields and managers, agrees with flux diff, previews them, and records their correction", async () => {
    const start = await refreshed();
    expect(start.objects).toEqual([]);
    expect(start.total).toBeGreaterThan(0);

    const off = await call(clusterAutoSync, { method: "PUT", headers: headers(), params: { id: cluster.id }, body: { enabled: false, reason: "incident: hand fixes" } });
    expect(off.status).toBe(200);

    const ns = staging.env;
    const welcome = await kubectl(staging, ["get", "configmap", "web-config", "-n", ns, "-o", "jsonpath={.data.PODINFO_UI_MESSAGE}"]);
    const statusMessage = await kubectl(staging, ["get", "configmap", "status-page", "-n", "status-page", "-o", "jsonpath={.data.PODINFO_UI_MESSAGE}"]);
    await kubectl(staging, ["scale", "deployment", "web", "-n", ns, "--replicas=3"]);
    await kubectl(staging, ["patch", "configmap", "web-config", "-n", ns, "--type=merge", "-p", JSON.stringify({ data: { PODINFO_UI_MESSAGE: "Closed for the incident" } })]);
    await kubectl(staging, ["delete", "service", "api", "-n", ns]);
    await kubectlEdit(["configmap", "status-page", "-n", "status-page"], "s/operational/under-maintenance/");

    const drift = await refreshed();
    expect(drift.reconcilers.map((r) => r.mode)).toEqual(drift.reconcilers.map(() => "dry-run"));
    const apps = { kind: "Kustomization", namespace: "flux-system", name: "apps" };
    const statusPage = { kind: "HelmRelease", namespace: "flux-system", name: "status-page" };
    expect(drift.objects.map(keyOf).sort()).toEqual([`ConfigMap/${ns}/web-config`, `ConfigMap/status-page/status-page`, `Deployment/${ns}/web`, `Service/${ns}/api`].sort());
    expect(drift.state).toBe("drifted");
    const byKey = new Map(drift.objects.map((o) => [keyOf(o), o]));
    expect(byKey.get(`Deployment/${ns}/web`)).toMatchObject({
      reconciler: apps,
      change: "modified",
      handChange: true,
      fields: [expect.objectContaining({ path: "spec.replicas", desired: 1, live: 3, manager: "kubectl", operation: "Update", handChange: true })],
    });
    expect(byKey.get(`ConfigMap/${ns}/web-config`)).toMatchObject({
      reconciler: apps,
      change: "modified",
      fields: [expect.objectContaining({ path: "data.PODINFO_UI_MESSAGE", desired: welcome, live: "Closed for the incident", manager: "kubectl-patch", handChange: true })],
    });
    expect(byKey.get(`Service/${ns}/api`)).toMatchObject({ reconciler: apps, change: "missing" });
    expect(byKey.get("ConfigMap/status-page/status-page")).toMatchObject({
      reconciler: statusPage,
      change: "modified",
      fields: [
        expect.objectContaining({
          path: "data.PODINFO_UI_MESSAGE",
          desired: statusMessage,
          live: statusMessage.replace("operational", "under-maintenance"),
          manager: "kubectl-edit",
          handChange: true,
        }),
      ],
    });
    expect(drift.objects.every((o) => o.since !== null)).toBe(true);

    // For every Kustomization, Syncline's list is flux diff's on the same state, object by object and field by field.
    for (const kustomization of inventory().store.objects(cluster.id, "Kustomization")) {
      const name = kustomization.metadata.name;
      const reference = await fluxDiff({ name, path: String(kustomization.spec?.path ?? "."), revision: String(kustomization.status?.lastAppliedRevision) });
      const ours = drift.objects.filter((o) => o.reconciler.kind === "Kustomization" && o.reconciler.name === name);
      expect(ours.map((o) => `${keyOf(o)} ${o.change}`).sort(), `flux diff kustomization ${name}`).toEqual(reference.objects);
      for (const object of ours) expect(object.fields.map((f) => f.path).sort(), keyOf(object)).toEqual((reference.fields.get(keyOf(object)) ?? []).sort());
    }

    const one = await call(objectDriftRoute, { headers: headers(), params: { id: cluster.id, kind: "Deployment", namespace: ns, name: "web" } });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ state: "drifted", desired: expect.objectContaining({ spec: expect.objectContaining({ replicas: 1 }) }), live: expect.objectContaining({ spec: expect.objectContaining({ replicas: 3 }) }) });

    const preview = await call(resumePreviewRoute, { headers: headers(), params: { id: cluster.id } });
    expect(preview.status).toBe(200);
    expect(preview.json.handChanges.map(keyOf).sort()).toEqual(drift.objects.map(keyOf).sort());
    expect(preview.json.driftComputedAt).toBe(drift.computedAt);

    const on = await call(clusterAutoSync, { method: "PUT", headers: headers(), params: { id: cluster.id }, body: { enabled: true } });
    expect(on.status).toBe(200);
    // One reconcile of each reconciler after the resume is enough for Flux to correct everything.
    await reconcileHandled(staging, apps);
    await reconcileHandled(staging, statusPage);
    await waitFor("Flux to recreate the Service", () => getObject(staging, { kind: "Service", namespace: ns, name: "api" }).then(() => true, () => false));
    const corrected = await refreshed();
    expect(corrected.objects).toEqual([]);

    const history = await call(historyRoute, { headers: headers(), path: `/api/drift/history?cluster=${cluster.id}` });
    expect(history.status).toBe(200);
    const episodes = history.json.items as DriftEpisode[];
    expect(episodes.map((e) => keyOf(e.object)).sort()).toEqual(drift.objects.map(keyOf).sort());
    for (const episode of episodes) {
      expect(episode.appearedAt).toBe(byKey.get(keyOf(episode.object))!.since);
      expect(episode.correctedAt, keyOf(episode.object)).not.toBeNull();
      expect(episode.correctedAt! > episode.appearedAt).toBe(true);
      expect(episode.correctedBy, keyOf(episode.object)).toBe("flux");
    }
  });
});

describe("drift freshness", () => {
  it("follows a hand change and Flux's correction through the metadata watches, with nobody asking", async () => {
    const ns = staging.env;
    const web = `Deployment/${ns}/web`;
    await refreshed();
    const off = await call(clusterAutoSync, { method: "PUT", headers: headers(), params: { id: cluster.id }, body: { enabled: false, reason: "watch check" } });
    expect(off.status).toBe(200);
    // The recompute the suspension itself triggers is over before the hand change: only a watch can see it.
    await refreshed();
    await kubectl(staging, ["scale", "deployment", "web", "-n", ns, "--replicas=4"]);
    await expect.poll(async () => (await driftNow()).objects.map(keyOf), { timeout: 60_000, interval: 250 }).toEqual([web]);

    const on = await call(clusterAutoSync, { method: "PUT", headers: headers(), params: { id: cluster.id }, body: { enabled: true } });
    expect(on.status).toBe(200);
    await expect.poll(async () => (await driftNow()).objects.map(keyOf), { timeout: 90_000, interval: 250 }).toEqual([]);
  });
});

describe("drift of a cluster that is down", () => {
  it("is unknown and stale, never in sync, on the cluster and in the fleet summary", async () => {
    const before = await refreshed();
    await stopApiserver(staging);
    try {
      await waitFor("unreachable", () => inventory().store.clusterSummary(cluster.id)?.health === "unreachable", 30_000);
      const drift = await driftNow();
      expect(drift).toMatchObject({ state: "unknown", stale: true, staleReason: expect.stringMatching(/cannot be reached/) });
      const fleet = (await call(fleetDriftRoute, { headers: headers() })).json as ClusterDrift[];
      expect(fleet.find((summary) => summary.clusterId === cluster.id)).toMatchObject({ state: "unknown", stale: true });
      const asked = await call(refreshRoute, { method: "POST", headers: headers(), params: { id: cluster.id } });
      expect(asked.status).toBe(202);
      await waitFor("the refresh to be answered", async () => !(await driftNow()).computing);
      expect(await driftNow()).toMatchObject({ state: "unknown", stale: true, computedAt: before.computedAt });
    } finally {
      await startApiserver(staging);
    }
  });
});
