import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as clusterAutoSync } from "@/app/api/clusters/[id]/auto-sync/route";
import { listAuditEvents } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { resumeCluster, setClusterAutoSync } from "@/lib/autosync";
import { listClusterObjects } from "@/lib/clusters";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { commitChange, getObject, gitRevision, kubectl, requestReconcile, waitForRevision, type SandboxCluster } from "@/e2e/sandbox";
import { call } from "../support/http";
import { reconcileHandled } from "../support/reconcile-handled";
import { bearer, connected, forgetRegistered, register, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

let operator: { actor: Actor; token: string };
let a: ClusterDetail;
let b: ClusterDetail;
let clusterA: SandboxCluster;
let clusterB: SandboxCluster;

const author = { name: "Maria Lindqvist", email: "maria.lindqvist@acme-shop.io" };

beforeAll(async () => {
  await startTestInventory();
  operator = await userActor("operator");
  [clusterA, clusterB] = sandbox().clusters as [SandboxCluster, SandboxCluster];
  a = await register(clusterA, operator.actor);
  b = await register(clusterB, operator.actor);
  await Promise.all([connected(a.id), connected(b.id)]);
});

afterAll(async () => {
  await resumeCluster(a.id, operator.actor).catch(() => undefined);
  await forgetRegistered(operator.actor);
});

async function webMessage(cluster: SandboxCluster): Promise<string> {
  return kubectl(cluster, ["get", "configmap", "web-config", "-n", cluster.env, "-o", "jsonpath={.data.PODINFO_UI_MESSAGE}"]);
}

describe("the auto-sync switch", () => {
  it("off on cluster A stops Flux applying a commit there while B applies it; on again, A catches up", async () => {
    const reason = "Black Friday change freeze";
    const off = await call(clusterAutoSync, { method: "PUT", headers: bearer(operator.token), params: { id: a.id }, body: { enabled: false, reason } });
    expect(off.status).toBe(200);
    expect(off.json.outcome).toBe("success");
    expect(off.json.results.map((r: { kind: string; name: string; outcome: string }) => `${r.kind}/${r.name}:${r.outcome}`).sort()).toEqual([
      "HelmRelease/podinfo:changed",
      "HelmRelease/status-page:changed",
      "Kustomization/apps:changed",
      "Kustomization/infra:changed",
    ]);
    expect(inventory().store.clusterSummary(a.id)?.autoSync).toEqual({ state: "off", suspended: 4, total: 4 });

    // kubectl and flux users see who suspended it and why.
    const apps = await getObject<{ spec: { suspend?: boolean }; metadata: { annotations: Record<string, string> } }>(clusterA, { kind: "Kustomization", name: "apps" });
    expect(apps.spec.suspend).toBe(true);
    expect(apps.metadata.annotations).toMatchObject({ "syncline.io/suspended-by": operator.actor.name, "syncline.io/suspend-reason": reason });

    const message = `Cyber Monday banner ${Date.now()}`;
    const before = await webMessage(clusterA);
    const sha = await commitChange(sandbox(), {
      author,
      message: "web: Cyber Monday banner",
      files: { "apps/web/configmap.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  PODINFO_UI_MESSAGE: ${message}\n` },
    });
    await requestReconcile(clusterB, { kind: "GitRepository", name: "fleet" });
    await requestReconcile(clusterA, { kind: "GitRepository", name: "fleet" });
    await waitForRevision(clusterB, sha, { timeoutMs: 90_000 });
    expect(await webMessage(clusterB)).toBe(message);

    // A's source keeps fetching (sources are not suspended); only applying stops. A's
    // kustomize-controller, asked to reconcile apps after the fetch, takes the request up and
    // applies nothing.
    await waitFor("A's GitRepository to fetch the commit", () => inventory().store.objectSummary(a.id, "GitRepository", "flux-system", "fleet")?.revision === gitRevision(sha));
    await reconcileHandled(clusterA, { kind: "Kustomization", namespace: "flux-system", name: "apps" });
    expect(await webMessage(clusterA)).toBe(before);
    const appsOnA = inventory().store.objectSummary(a.id, "Kustomization", "flux-system", "apps")!;
    expect(appsOnA.state).toBe("suspended");
    expect(appsOnA.revision).not.toBe(gitRevision(sha));
    expect(appsOnA.suspension).toMatchObject({ by: operator.actor.name, reason, outsideSyncline: false });

    const on = await call(clusterAutoSync, { method: "PUT", headers: bearer(operator.token), params: { id: a.id }, body: { enabled: true } });
    expect(on.status).toBe(200);
    expect(on.json.results.every((r: { outcome: string }) => r.outcome === "changed")).toBe(true);
    await waitForRevision(clusterA, sha, { timeoutMs: 60_000 });
    expect(await webMessage(clusterA)).toBe(message);
    const resumed = await getObject<{ spec: { suspend?: boolean }; metadata: { annotations: Record<string, string> } }>(clusterA, { kind: "Kustomization", name: "apps" });
    expect(resumed.spec.suspend).toBeUndefined();
    expect(Object.keys(resumed.metadata.annotations).filter((k) => k.startsWith("syncline.io/"))).toEqual([]);

    const trail = await listAuditEvents({ cluster: a.id });
    const [enable, disable] = trail.items.filter((e) => e.action.startsWith("autosync."));
    expect(enable).toMatchObject({ action: "autosync.enable", actorType: "user", actorName: operator.actor.name, outcome: "success" });
    expect(disable).toMatchObject({ action: "autosync.disable", actorName: operator.actor.name, reason, outcome: "success", clusterName: a.name });
    expect(disable!.results).toEqual(expect.arrayContaining([{ kind: "Kustomization", namespace: "flux-system", name: "apps", outcome: "changed" }]));
    expect(disable!.requestId).toEqual(expect.any(String));
  });

  it("switching off twice leaves every object unchanged the second time", async () => {
    try {
      await setClusterAutoSync(b.id, { enabled: false, reason: "maintenance" }, operator.actor);
      const again = await setClusterAutoSync(b.id, { enabled: false, reason: "maintenance" }, operator.actor);
      expect(again.results.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
      expect(again.outcome).toBe("success");
    } finally {
      await resumeCluster(b.id, operator.actor);
    }
    expect((await listClusterObjects(b.id, { kind: "Kustomization" })).every((o) => !o.suspended)).toBe(true);
  });

  it("refuses an expiry in the past with 422 validation_failed and suspends nothing", async () => {
    const response = await call(clusterAutoSync, {
      method: "PUT",
      headers: bearer(operator.token),
      params: { id: b.id },
      body: { enabled: false, until: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("validation_failed");
    const apps = await getObject<{ spec: { suspend?: boolean } }>(clusterB, { kind: "Kustomization", name: "apps" });
    expect(apps.spec.suspend).not.toBe(true);
  });

  it("with read-only credentials, each object is reported as failed: forbidden and nothing changes", async () => {
    const readOnly = await register(clusterB, operator.actor, "viewerKubeconfig");
    const result = await setClusterAutoSync(readOnly.id, { enabled: false, reason: "try" }, operator.actor);
    expect(result.outcome).toBe("failure");
    expect(result.results).toHaveLength(4);
    for (const r of result.results) {
      expect(r.outcome).toBe("failed");
      expect(r.message).toMatch(/^forbidden: /);
    }
    const audit = await db().auditEvent.findFirstOrThrow({ where: { clusterId: readOnly.id, action: "autosync.disable", NOT: { outcome: "pending" } } });
    expect(audit.outcome).toBe("failure");
    // The suspension written ahead of the switch was taken back when nothing could be suspended.
    expect(await db().suspension.count({ where: { clusterId: readOnly.id, endedAt: null } })).toBe(0);
  });

  it("answers an unknown cluster with not_found", async () => {
    const error = await setClusterAutoSync("0190f2a0-0000-7000-8000-000000000000", { enabled: false }, operator.actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
  });
});
