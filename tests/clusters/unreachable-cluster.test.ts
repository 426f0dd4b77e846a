import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/clusters/route";
import type { Actor } from "@/lib/auth/actor";
import { listClusterObjects } from "@/lib/clusters";
import type { ClusterDetail, ClusterSummary } from "@/lib/fleet/dto";
import { inventory, Inventory } from "@/lib/inventory";
import { kubectl, startApiserver, stopApiserver, type SandboxCluster } from "@/e2e/sandbox";
import { call } from "../support/http";
import { bearer, connected, forgetRegistered, registerConnectedSandboxCluster, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;

beforeAll(async () => {
  ({ user: admin, sandboxCluster, cluster } = await registerConnectedSandboxCluster(1, "admin"));
  await waitFor("objects", async () => (await listClusterObjects(cluster.id)).length >= 5);
});

afterAll(async () => {
  await forgetRegistered(admin.actor);
});

describe("a cluster whose API server goes down", () => {
  it("is shown as unreachable with its last-known objects marked stale, and resumes watching when it is back", async () => {
    const known = (await listClusterObjects(cluster.id)).map((o) => `${o.kind}/${o.name}`).sort();
    await stopApiserver(sandboxCluster);
    try {
      await waitFor("unreachable", () => inventory().store.clusterSummary(cluster.id)?.health === "unreachable", 30_000);
      const response = await call(listRoute, { headers: bearer(admin.token) });
      const summary = (response.json as ClusterSummary[]).find((c) => c.id === cluster.id)!;
      expect(summary.health).toBe("unreachable");
      expect(summary.healthMessage).toMatch(/cannot be reached|did not answer/);
      expect(summary.lastSeenAt).not.toBeNull();
      const objects = await listClusterObjects(cluster.id);
      expect(objects.map((o) => `${o.kind}/${o.name}`).sort()).toEqual(known);
      expect(objects.every((o) => o.stale)).toBe(true);
    } finally {
      await startApiserver(sandboxCluster);
    }
    await connected(cluster.id);
    expect((await listClusterObjects(cluster.id)).every((o) => !o.stale)).toBe(true);
    // A change made after the restart arrives through the resumed watch.
    const marker = `m${Date.now()}`;
    await kubectl(sandboxCluster, ["annotate", "--overwrite", "-n", "flux-system", "kustomization", "infra", `syncline-test/marker=${marker}`]);
    await waitFor("the change to arrive by watch", () => inventory().store.object(cluster.id, "Kustomization", "flux-system", "infra")?.metadata.annotations?.["syncline-test/marker"] === marker);
  });

  it("after a restart, shows the last-known objects at once from the database, marked stale until the cluster answers", async () => {
    await inventory().flush();
    const known = (await listClusterObjects(cluster.id)).map((o) => `${o.kind}/${o.name}`).sort();
    const restarted = new Inventory();
    try {
      await restarted.start({ probeMs: 500, backoffMs: 200, maxBackoffMs: 2_000 });
      const objects = restarted.store.listObjects(cluster.id);
      expect(objects.map((o) => `${o.kind}/${o.name}`).sort()).toEqual(expect.arrayContaining(known));
      expect(objects.every((o) => o.stale)).toBe(true);
      expect(restarted.store.clusterSummary(cluster.id)?.counts.total).toBeGreaterThanOrEqual(known.length);
      await waitFor("the restarted inventory to connect", () => restarted.store.clusterSummary(cluster.id)?.health === "connected");
      expect(restarted.store.listObjects(cluster.id).every((o) => !o.stale)).toBe(true);
    } finally {
      await restarted.stop();
    }
  });
});
