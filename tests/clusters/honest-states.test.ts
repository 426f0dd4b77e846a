import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as reconcileObjectRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/reconcile/route";
import { listAuditEvents } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { getClusterDetail, listClusterObjects } from "@/lib/clusters";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { getObject, patchObject, type SandboxCluster } from "@/e2e/sandbox";
import { call } from "../support/http";
import { bearer, forgetRegistered, registerConnectedSandboxCluster, waitFor } from "../support/sandbox-clusters";

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;
const infra = { kind: "Kustomization", name: "infra" };

beforeAll(async () => {
  ({ user: operator, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "operator"));
});

afterAll(async () => {
  await patchObject(sandboxCluster, infra, { spec: { suspend: null } }).catch(() => undefined);
  await forgetRegistered(operator.actor);
});

describe("states that tell the truth", () => {
  it("counts the sandbox's Helm objects, which can never fetch offline, as failing while Flux retries them", async () => {
    const podinfo = await waitFor("the podinfo HelmRelease to read as failing", async () => {
      const objects = await listClusterObjects(cluster.id, { kind: "HelmRelease" });
      const release = objects.find((o) => o.name === "podinfo");
      return release?.state === "failing" ? release : undefined;
    }, 30_000);
    expect(podinfo).toMatchObject({ readyStatus: "False", retrying: true });
    const objects = await listClusterObjects(cluster.id);
    const helm = objects.filter((o) => o.name.endsWith("podinfo"));
    expect(helm.map((o) => [o.kind, o.state]).sort()).toEqual([
      ["HelmChart", "failing"],
      ["HelmRelease", "failing"],
      ["HelmRepository", "failing"],
    ]);
    const { counts } = await getClusterDetail(cluster.id);
    expect(counts.failing).toBe(objects.filter((o) => o.state === "failing").length);
    expect(counts.failing).toBeGreaterThanOrEqual(3);
  });

  it("a reconcile of an object suspended with kubectl is skipped, names the object's own switch, and is audited as skipped", async () => {
    await patchObject(sandboxCluster, infra, { spec: { suspend: true } });
    expect((await getObject<{ spec: { suspend?: boolean } }>(sandboxCluster, infra)).spec.suspend).toBe(true);

    const response = await call(reconcileObjectRoute, { method: "POST", headers: bearer(operator.token), params: { id: cluster.id, kind: "Kustomization", namespace: "flux-system", name: "infra" } });
    expect(response.status).toBe(200);
    expect(response.json.outcome).toBe("skipped");
    expect(response.json.results).toEqual([
      {
        kind: "Kustomization",
        namespace: "flux-system",
        name: "infra",
        outcome: "skipped",
        message: "Kustomization flux-system/infra is suspended outside Syncline (kubectl or flux); turn on this object's own auto-sync switch to lift that, then reconcile",
      },
    ]);

    const [audit] = (await listAuditEvents({ cluster: cluster.id, action: "reconcile" })).items;
    expect(audit).toMatchObject({ outcome: "skipped", target: { kind: "Kustomization", namespace: "flux-system", name: "infra" }, results: [{ outcome: "skipped" }] });
  });
});
