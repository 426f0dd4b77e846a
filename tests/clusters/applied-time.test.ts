import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listClusterObjects } from "@/lib/clusters";
import type { ClusterDetail, FluxObjectSummary } from "@/lib/fleet/dto";
import { Inventory, inventory } from "@/lib/inventory";
import { commitChange, gitRevision, requestReconcile, type SandboxCluster } from "@/e2e/sandbox";
import { forgetRegistered, registerConnectedSandboxCluster, sandbox, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;
const fleet = { kind: "GitRepository", name: "fleet", namespace: "flux-system" };

beforeAll(async () => {
  ({ user: admin, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "admin"));
});

afterAll(async () => {
  await forgetRegistered(admin.actor);
});

async function kustomizations(): Promise<FluxObjectSummary[]> {
  return (await listClusterObjects(cluster.id, { kind: "Kustomization" })).filter((o) => o.name === "apps" || o.name === "infra");
}

describe("the time a Kustomization applied its revision", () => {
  it("is after the push of a commit that left its manifests alone, not when those manifests were first applied, and stays so after a restart", async () => {
    const before = await kustomizations();
    expect(before.map((o) => o.name).sort()).toEqual(["apps", "infra"]);
    // Flux's times have whole seconds.
    const pushedAt = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const sha = await commitChange(sandbox(), {
      author: { name: "Ines Duarte", email: "ines.duarte@acme-shop.io" },
      message: "docs: note the on-call rota",
      files: { [`docs/on-call-${Date.now()}.md`]: "# On call\n\nAsk in #platform.\n" },
    });
    await requestReconcile(sandboxCluster, fleet);

    const after = await waitFor("both Kustomizations to apply the commit", async () => {
      const objects = await kustomizations();
      return objects.length === 2 && objects.every((o) => o.revision === gitRevision(sha)) ? objects : undefined;
    });
    for (const object of after) {
      expect(object.lastAppliedAt, `${object.name} applied at`).not.toBeNull();
      expect(object.lastAppliedAt! >= pushedAt, `${object.name} applied at ${object.lastAppliedAt}, pushed at ${pushedAt}`).toBe(true);
      expect(Date.parse(object.lastAppliedAt!)).toBeLessThanOrEqual(Date.now());
    }

    await inventory().flush();
    const restarted = new Inventory();
    try {
      await restarted.start({ probeMs: 500, backoffMs: 200, maxBackoffMs: 2_000 });
      await waitFor("the restarted inventory to connect", () => restarted.store.clusterSummary(cluster.id)?.health === "connected");
      for (const object of after) {
        const now = restarted.store.objectSummary(cluster.id, "Kustomization", object.namespace, object.name);
        expect({ revision: now?.revision, lastAppliedAt: now?.lastAppliedAt }, `${object.name} after a restart`).toEqual({ revision: object.revision, lastAppliedAt: object.lastAppliedAt });
      }
    } finally {
      await restarted.stop();
    }
  });
});
