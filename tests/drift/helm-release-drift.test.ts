// Helm drift against the sandbox's real helm-controller: the `status-page` HelmRelease installs a
// chart kept in the fleet repository (fetched through the `fleet` GitRepository) with drift
// detection enabled. The scenarios build on each other (suspend, edit by hand, warn, correct), so
// they run in order in one file, and the last one leaves the release as every other file finds it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getObject, kubectl, patchObject, requestReconcile, waitForHelmRelease } from "../../e2e/sandbox";
import { computeHelmReleaseDrift } from "../../lib/drift/helm-release-drift";
import type { DriftContext } from "../../lib/drift/drift-context";
import { createKubeClient, type KubeClient } from "../../lib/k8s/client";
import type { FluxObject } from "../../lib/k8s/resources";
import { sandbox, waitFor } from "../support/sandbox-clusters";

const cluster = sandbox().clusters.find((c) => c.env === "staging")!;
const release = { kind: "HelmRelease", namespace: "flux-system", name: "status-page" };
const chartMessage = "ACME shop staging: all systems operational";
const inRelease = ["status-page"];

let client: KubeClient;
const context = (): DriftContext => ({
  clusterId: "00000000-0000-4000-8000-000000000000",
  clusterName: cluster.name,
  client,
  objectsOf: () => [],
  fluxCli: null,
  kubeconfig: () => readFileSync(cluster.kubeconfig, "utf8"),
  checkout: () => Promise.reject(new Error("Helm drift reads the release from the cluster, never from Git")),
});

const helmRelease = () => getObject<FluxObject>(cluster, release);
const drift = async () => computeHelmReleaseDrift(context(), await helmRelease());
const driftedCondition = async () => (await helmRelease()).status?.conditions?.find((c) => c.type === "Drifted");
const setMode = (mode: "enabled" | "warn") => patchObject(cluster, release, { spec: { driftDetection: { mode } } });
const editMessage = (message: string) =>
  kubectl(cluster, ["patch", "configmap", "status-page", "-n", ...inRelease, "--field-manager=kubectl-edit", "--type=merge", `--patch=${JSON.stringify({ data: { PODINFO_UI_MESSAGE: message } })}`]);

/** Back to how the sandbox installs it: correcting drift, resumed, reconciled with nothing drifted. */
async function restoreRelease(): Promise<void> {
  await patchObject(cluster, release, { spec: { suspend: false, driftDetection: { mode: "enabled" } } });
  await requestReconcile(cluster, release);
  await waitFor("helm-controller to correct the release", async () => (await driftedCondition())?.status === "False" && (await drift()).summary.drifted === 0, 90_000);
  await waitForHelmRelease(cluster, release.name);
}

beforeAll(() => {
  client = createKubeClient({ name: cluster.name, kubeconfig: readFileSync(cluster.kubeconfig, "utf8") });
});

afterAll(async () => {
  await restoreRelease();
  client.close();
});

describe("a HelmRelease whose chart lives in the fleet repository", () => {
  it("is in sync as installed: every object of its release is compared, and defaults the API server adds are not drift", async () => {
    const result = await drift();

    expect(result.summary).toEqual({
      reconciler: release,
      mode: "dry-run",
      total: 3,
      drifted: 0,
      error: null,
      helmDrifted: { status: "False", message: "No drift detected against the cluster state", agrees: true },
    });
    expect(result.compared.map((o) => `${o.apiVersion} ${o.kind} ${o.namespace}/${o.name}`).sort()).toEqual([
      "apps/v1 Deployment status-page/status-page",
      "v1 ConfigMap status-page/status-page",
      "v1 Service status-page/status-page",
    ]);
    expect(result.objects).toEqual([]);
  });

  it("shows a hand edit of a value the chart sets, made while suspended, as exactly that field, by its manager", async () => {
    await patchObject(cluster, release, { spec: { suspend: true } });
    const before = Date.now() - 1_000;
    await editMessage("Maintenance tonight, 22:00-23:00");

    const result = await drift();

    expect(result.objects).toEqual([
      {
        reconciler: release,
        apiVersion: "v1",
        kind: "ConfigMap",
        namespace: "status-page",
        name: "status-page",
        change: "modified",
        fields: [
          {
            path: "data.PODINFO_UI_MESSAGE",
            desired: chartMessage,
            live: "Maintenance tonight, 22:00-23:00",
            manager: "kubectl-edit",
            operation: "Update",
            changedAt: expect.any(String),
            handChange: true,
          },
        ],
        handChange: true,
        since: null,
        fix: "flux resume helmrelease status-page -n flux-system",
      },
    ]);
    expect(Date.parse(result.objects[0]!.fields[0]!.changedAt!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(result.sides).toEqual([
      { desired: expect.objectContaining({ data: { PODINFO_UI_MESSAGE: chartMessage } }), live: expect.objectContaining({ data: { PODINFO_UI_MESSAGE: "Maintenance tonight, 22:00-23:00" } }) },
    ]);
    expect(result.summary).toMatchObject({ total: 3, drifted: 1, error: null });
  });

  it("says when helm-controller's own verdict disagrees: a suspended release keeps its last one", async () => {
    expect((await drift()).summary.helmDrifted).toEqual({ status: "False", message: "No drift detected against the cluster state", agrees: false });
  });

  it("lists an object deleted by hand as missing", async () => {
    await kubectl(cluster, ["delete", "service", "status-page", "-n", ...inRelease]);

    const result = await drift();

    expect(result.objects.map((o) => [o.kind, o.change, o.handChange])).toEqual([
      ["ConfigMap", "modified", true],
      ["Service", "missing", true],
    ]);
    expect(result.sides[1]).toEqual({ desired: expect.objectContaining({ kind: "Service", metadata: expect.objectContaining({ name: "status-page" }) }), live: null });
  });

  it("shows helm-controller's Drifted condition and agrees with it once helm-controller compares too (warn mode)", async () => {
    await setMode("warn");
    await patchObject(cluster, release, { spec: { suspend: false } });
    await requestReconcile(cluster, release);
    const condition = await waitFor("helm-controller to report the drift", async () => {
      const found = await driftedCondition();
      return found?.status === "True" ? found : null;
    });

    const result = await drift();

    expect(condition.message).toContain("ConfigMap/status-page/status-page changed");
    expect(condition.message).toContain("Service/status-page/status-page removed");
    expect(result.summary.helmDrifted).toEqual({ status: "True", message: condition.message, agrees: true });
    expect(result.objects.map((o) => o.fix)).toEqual([
      `kubectl patch helmrelease status-page -n flux-system --type merge -p '{"spec":{"driftDetection":{"mode":"enabled"}}}'`,
      `kubectl patch helmrelease status-page -n flux-system --type merge -p '{"spec":{"driftDetection":{"mode":"enabled"}}}'`,
    ]);
  });

  it("clears once helm-controller corrects the drift, which the fix command switches on", async () => {
    await restoreRelease();

    const result = await drift();

    expect(result.summary).toMatchObject({ total: 3, drifted: 0, helmDrifted: { status: "False", agrees: true } });
    const configMap = await getObject<{ data: Record<string, string> }>(cluster, { kind: "ConfigMap", namespace: "status-page", name: "status-page" });
    expect(configMap.data.PODINFO_UI_MESSAGE).toBe(chartMessage);
  });
});
