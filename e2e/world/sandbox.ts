import { readFileSync } from "node:fs";
import { attachOrStartWorld, type RunningWorld, type SandboxCluster } from "../sandbox";
import { test as base } from "./fixtures";

interface SandboxFixtures {
  world: RunningWorld;
  /** The first sandbox cluster, with its admin kubeconfig's text. */
  sandboxCluster: SandboxCluster & { kubeconfigText: string };
}

/**
 * Specs that need real clusters use this `test`: it attaches to the running sandbox world (real
 * kube-apiservers with Flux), or starts one for this worker and stops it afterwards.
 */
export const test = base.extend<object, SandboxFixtures>({
  world: [
    async ({}, provide) => {
      const world = await attachOrStartWorld({ clusters: 2 });
      await provide(world);
      await world.stop();
    },
    { scope: "worker", timeout: 15 * 60_000 },
  ],
  sandboxCluster: [
    async ({ world }, provide) => {
      const cluster = world.world.clusters[0]!;
      await provide({ ...cluster, kubeconfigText: readFileSync(cluster.kubeconfig, "utf8") });
    },
    { scope: "worker" },
  ],
});

export { expect } from "./fixtures";
