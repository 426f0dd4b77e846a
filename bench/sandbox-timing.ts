import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { SandboxCluster } from "../e2e/sandbox";
import { percentile } from "./bench-result";

/** Median wall time of a sandbox CLI (kubectl, flux) against one cluster, as a user would run it. */
export function medianCliMs(cluster: SandboxCluster, tool: "kubectl" | "flux", args: string[], runs = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(join(cluster.bin, tool), args, { env: { ...process.env, KUBECONFIG: cluster.kubeconfig }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr}`);
    samples.push(performance.now() - started);
  }
  return Math.round(percentile(samples, 50));
}
