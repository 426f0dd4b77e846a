import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resumeCluster, setObjectAutoSync } from "@/lib/autosync";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { patchObject, type SandboxCluster } from "@/e2e/sandbox";
import { forgetRegistered, registerConnectedSandboxCluster, waitFor } from "../support/sandbox-clusters";

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;
const infra = { kind: "Kustomization", namespace: "flux-system", name: "infra" };

beforeAll(async () => {
  ({ user: operator, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "operator"));
});

afterAll(async () => {
  await patchObject(sandboxCluster, infra, { spec: { suspend: null } });
  await forgetRegistered(operator.actor);
});

describe("suspensions made outside Syncline", () => {
  it("a kubectl patch suspension shows up as made outside Syncline, is left alone by the cluster switch and lifted per object", async () => {
    await patchObject(sandboxCluster, infra, { spec: { suspend: true } });
    const seen = await waitFor("the watch to deliver the suspension", () => {
      const summary = inventory().store.objectSummary(cluster.id, "Kustomization", "flux-system", "infra");
      return summary?.suspended ? summary : undefined;
    });
    expect(seen.state).toBe("suspended");
    expect(seen.suspension).toEqual({ by: null, reason: null, until: null, at: null, outsideSyncline: true });
    expect(inventory().store.clusterSummary(cluster.id)?.autoSync).toMatchObject({ state: "mixed", suspended: 1 });

    const cluster_on = await resumeCluster(cluster.id, operator.actor);
    const skipped = cluster_on.results.find((r) => r.name === "infra");
    expect(skipped).toMatchObject({ outcome: "skipped", message: expect.stringContaining("suspended outside Syncline") });
    expect(inventory().store.objectSummary(cluster.id, "Kustomization", "flux-system", "infra")?.suspended).toBe(true);

    const lifted = await setObjectAutoSync(cluster.id, infra, { enabled: true }, operator.actor);
    expect(lifted.results[0]).toMatchObject({ name: "infra", outcome: "changed" });
    expect(inventory().store.objectSummary(cluster.id, "Kustomization", "flux-system", "infra")?.suspended).toBe(false);
  });
});
