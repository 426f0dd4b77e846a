import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as reconcileObjectRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/reconcile/route";
import type { Actor } from "@/lib/auth/actor";
import { setObjectAutoSync } from "@/lib/autosync";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { reconcileCluster } from "@/lib/reconcile";
import { getObject, type SandboxCluster } from "@/e2e/sandbox";
import { call } from "../support/http";
import { bearer, forgetRegistered, registerConnectedSandboxCluster } from "../support/sandbox-clusters";

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;
const infra = { kind: "Kustomization", namespace: "flux-system", name: "infra" };

beforeAll(async () => {
  ({ user: operator, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "operator"));
});

afterAll(async () => {
  await setObjectAutoSync(cluster.id, infra, { enabled: true }, operator.actor).catch(() => undefined);
  await forgetRegistered(operator.actor);
});

describe("reconcile now", () => {
  it("asks Flux to reconcile one object by setting reconcile.fluxcd.io/requestedAt", async () => {
    const response = await call(reconcileObjectRoute, { method: "POST", headers: bearer(operator.token), params: { id: cluster.id, kind: "kustomizations", namespace: "flux-system", name: "apps" } });
    expect(response.status).toBe(200);
    expect(response.json.results).toEqual([{ kind: "Kustomization", namespace: "flux-system", name: "apps", outcome: "changed" }]);
    const apps = await getObject<{ metadata: { annotations: Record<string, string> } }>(sandboxCluster, { kind: "Kustomization", name: "apps" });
    expect(Date.now() - Date.parse(apps.metadata.annotations["reconcile.fluxcd.io/requestedAt"]!)).toBeLessThan(30_000);
  });

  it("on a suspended object says it is suspended instead of silently doing nothing", async () => {
    await setObjectAutoSync(cluster.id, infra, { enabled: false, reason: "hold" }, operator.actor);
    const result = await reconcileCluster(cluster.id, operator.actor);
    expect(result.results.find((r) => r.name === "infra")).toEqual({
      ...infra,
      outcome: "skipped",
      message: `Kustomization flux-system/infra is suspended: paused by ${operator.actor.name}; turn auto-sync back on for this object or its cluster to reconcile it`,
    });
    expect(result.results.find((r) => r.kind === "GitRepository")?.outcome).toBe("changed");
    expect(result.outcome).toBe("success");
  });

  it("answers an object that does not exist with 404", async () => {
    const response = await call(reconcileObjectRoute, { method: "POST", headers: bearer(operator.token), params: { id: cluster.id, kind: "Kustomization", namespace: "flux-system", name: "nope" } });
    expect(response.status).toBe(404);
  });
});
