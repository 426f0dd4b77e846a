// Benchmark: turning auto-sync off and on again for a sandbox cluster holding 300 extra
// Kustomizations (target ≤ 3 s for off + on), next to listing them with kubectl and flux.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { stringify } from "yaml";
import { attachOrStartWorld, kubectl, kubectlJson, type SandboxCluster } from "../e2e/sandbox";
import { systemActor } from "../lib/auth/actor";
import { resumeCluster, suspendCluster } from "../lib/autosync";
import { addCluster, removeCluster } from "../lib/clusters";
import { percentile, type BenchResult } from "./bench-result";
import { medianCliMs } from "./sandbox-timing";

const COUNT = 300;
const CYCLES = 4;
const SETTLE_MS = 8_000;
const NAMESPACE = "syncline-bench";

/**
 * The Kustomizations point at a GitRepository that does not exist, with hour-long intervals:
 * kustomize-controller looks at each once and waits, so the cluster stays quiet.
 */
function manifests(): string {
  return Array.from({ length: COUNT }, (_, i) =>
    stringify({
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: `bench-${String(i).padStart(3, "0")}`, namespace: NAMESPACE },
      spec: { interval: "60m", retryInterval: "60m", path: "./none", prune: false, sourceRef: { kind: "GitRepository", name: "bench-absent" } },
    }),
  ).join("---\n");
}

/** Waits until kustomize-controller has looked at every new Kustomization, so it does not compete for CPU with the measurement. */
async function settled(cluster: SandboxCluster): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const list = await kubectlJson<{ items: Array<{ status?: { conditions?: unknown[] } }> }>(cluster, ["get", "kustomizations", "-n", NAMESPACE]);
    if (list.items.length >= COUNT && list.items.every((item) => item.status?.conditions?.length)) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`kustomize-controller did not process the ${COUNT} benchmark Kustomizations within 2 minutes`);
}

export async function run(): Promise<BenchResult[]> {
  const { world } = await attachOrStartWorld({ clusters: 2 });
  const cluster = world.clusters[1]!;
  await kubectl(cluster, ["create", "namespace", NAMESPACE]).catch(() => undefined);
  await kubectl(cluster, ["apply", "--server-side", "--field-manager=syncline-bench", "-f", "-"], { input: manifests() });
  await settled(cluster);
  const added = await addCluster({ name: `bench-switch-${randomUUID().slice(0, 6)}`, kubeconfig: readFileSync(cluster.kubeconfig, "utf8") }, systemActor);
  try {
    const cycles: Array<{ off: number; on: number }> = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const t0 = performance.now();
      const off = await suspendCluster(added.id, { reason: "benchmark" }, systemActor);
      const t1 = performance.now();
      const on = await resumeCluster(added.id, systemActor);
      const t2 = performance.now();
      const changed = (results: { outcome: string }[]) => results.filter((r) => r.outcome === "changed").length;
      if (changed(off.results) < COUNT || changed(on.results) < COUNT) throw new Error(`expected ${COUNT}+ objects changed, got ${changed(off.results)} off, ${changed(on.results)} on`);
      cycles.push({ off: t1 - t0, on: t2 - t1 });
      // Let kustomize-controller finish the reconciles the resume requested before the next cycle.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
    const seconds = (ms: number) => Math.round(ms / 10) / 100;
    const warm = cycles.slice(1);
    const listed = { name: `kubectl get kustomizations -A -o json (${COUNT + 2} objects, median)`, value: seconds(medianCliMs(cluster, "kubectl", ["get", "kustomizations", "-A", "-o", "json"])), unit: "s" };
    const fluxListed = { name: "flux get kustomizations -A (median)", value: seconds(medianCliMs(cluster, "flux", ["get", "kustomizations", "-A"])), unit: "s" };
    // What a user without Syncline runs to do the same switch: no reason, expiry or audit, and per namespace.
    const fluxSwitched = {
      name: `flux suspend + resume kustomization --all -n ${NAMESPACE} (${COUNT} objects, median)`,
      value: seconds(
        medianCliMs(cluster, "flux", ["suspend", "kustomization", "--all", "-n", NAMESPACE], 3) +
          medianCliMs(cluster, "flux", ["resume", "kustomization", "--all", "-n", NAMESPACE, "--wait=false"], 3),
      ),
      unit: "s",
    };
    return [
      { name: `auto-sync off + on, ${COUNT + 3} reconcilers (median of ${warm.length} warm cycles)`, value: seconds(percentile(warm.map((c) => c.off + c.on), 50)), unit: "s", target: "≤ 3 s", comparison: fluxSwitched },
      { name: "auto-sync off + on, first cycle (cold connections)", value: seconds(cycles[0]!.off + cycles[0]!.on), unit: "s", comparison: listed },
      { name: "auto-sync off (median)", value: seconds(percentile(warm.map((c) => c.off), 50)), unit: "s", comparison: fluxListed },
      { name: "auto-sync on, with reconcile request (median)", value: seconds(percentile(warm.map((c) => c.on), 50)), unit: "s" },
    ];
  } finally {
    await removeCluster(added.id, systemActor);
    await kubectl(cluster, ["delete", "kustomizations", "--all", "-n", NAMESPACE, "--wait=false"]);
  }
}
