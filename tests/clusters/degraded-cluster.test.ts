import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Actor } from "@/lib/auth/actor";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { kubectl, type SandboxCluster } from "@/e2e/sandbox";
import { connected, forgetRegistered, registerConnectedSandboxCluster, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;

/** The sandbox runs no kube-controller-manager, so a Deployment never becomes ready: a stuck Flux controller. */
const stuckController = stringify({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "notification-controller", namespace: "flux-system", labels: { "app.kubernetes.io/part-of": "flux" } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "notification-controller" } },
    template: { metadata: { labels: { app: "notification-controller" } }, spec: { containers: [{ name: "manager", image: "ghcr.io/fluxcd/notification-controller:v1.7.0" }] } },
  },
});

beforeAll(async () => {
  ({ user: admin, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "admin"));
});

afterAll(async () => {
  await kubectl(sandboxCluster, ["delete", "deployment", "-n", "flux-system", "notification-controller", "--ignore-not-found", "--wait=false"]);
  await forgetRegistered(admin.actor);
});

describe("a cluster whose Flux controllers are not ready", () => {
  it("is shown as degraded, naming the controller, and as connected again once it is gone", async () => {
    await kubectl(sandboxCluster, ["apply", "-f", "-"], { input: stuckController });
    const summary = await waitFor("degraded", () => {
      const s = inventory().store.clusterSummary(cluster.id);
      return s?.health === "degraded" ? s : undefined;
    });
    expect(summary.healthMessage).toBe("Flux controllers not ready: notification-controller");
    expect(inventory().store.listObjects(cluster.id).every((o) => !o.stale)).toBe(true);
    await kubectl(sandboxCluster, ["delete", "deployment", "-n", "flux-system", "notification-controller", "--wait=false"]);
    await connected(cluster.id);
  });
});
