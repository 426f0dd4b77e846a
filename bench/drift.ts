// Benchmark: drift of a sandbox Kustomization with 500 inventory objects, Syncline's full
// recompute next to `flux diff kustomization` on the same objects in the same run (both render and
// dry-run every object), and the cached drift summary served to the fleet view (target p95 ≤ 20 ms).
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { GET as listDriftSummaries } from "../app/api/drift/route";
import { attachOrStartWorld, commitChange, getObject, kubectl, kubectlJson, type SandboxCluster } from "../e2e/sandbox";
import { systemActor } from "../lib/auth/actor";
import { addCluster, removeCluster } from "../lib/clusters";
import { db } from "../lib/db/client";
import { computeClusterDrift, computeKustomizationDrift, findFluxCli, storeDriftReport } from "../lib/drift";
import { driftContextFor, driftEngine } from "../lib/drift/drift-engine";
import { inventory } from "../lib/inventory";
import type { FluxObject } from "../lib/k8s/resources";
import { createApiToken } from "../lib/tokens";
import { addUser } from "../lib/users";
import { percentile, type BenchResult } from "./bench-result";

const OBJECTS = 500;
const HAND_CHANGES = 5;
const RUNS = 3;
const REQUESTS = 300;
const NAME = "bench-drift";
const NAMESPACE = "syncline-bench-drift";
const PATH = "bench/drift-500";
const author = { name: "Bench", email: "bench@syncline.invalid" };

function configMaps(): Record<string, string> {
  const names = Array.from({ length: OBJECTS }, (_, i) => `settings-${String(i).padStart(3, "0")}`);
  const docs = names.map((name, i) => stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { INDEX: String(i), TIER: i % 2 ? "web" : "batch" } }));
  return {
    [`${PATH}/config-maps.yaml`]: docs.join("---\n"),
    [`${PATH}/kustomization.yaml`]: stringify({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources: ["config-maps.yaml"] }),
  };
}

async function applied(cluster: SandboxCluster, sha: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const ks = await getObject<FluxObject>(cluster, { kind: "Kustomization", namespace: "flux-system", name: NAME }).catch(() => undefined);
    const status = ks?.status as { lastAppliedRevision?: string; inventory?: { entries?: unknown[] } } | undefined;
    if (status?.lastAppliedRevision?.endsWith(sha) && (status.inventory?.entries?.length ?? 0) >= OBJECTS) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`kustomize-controller did not apply the ${OBJECTS} benchmark objects within 3 minutes`);
}

/** Wall time of `flux diff kustomization`, which exits 1 when it finds drift, as it does here. */
function fluxDiffMs(cluster: SandboxCluster, path: string): number {
  const started = performance.now();
  const result = spawnSync(join(cluster.bin, "flux"), ["diff", "kustomization", NAME, "-n", "flux-system", "--path", path], {
    env: { ...process.env, KUBECONFIG: cluster.kubeconfig },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const reported = (result.stdout.match(/^► ConfigMap\//gm) ?? []).length;
  if (result.status !== 1 || reported !== HAND_CHANGES) throw new Error(`flux diff exited ${result.status} reporting ${reported} objects: ${result.stderr}`);
  return ms;
}

export async function run(): Promise<BenchResult[]> {
  const fluxCli = findFluxCli();
  const { world } = await attachOrStartWorld({ clusters: 2 });
  const cluster = world.clusters[1]!;
  process.env.SYNCLINE_FLUX_CLI ??= join(cluster.bin, "flux");
  await kubectl(cluster, ["create", "namespace", NAMESPACE]).catch(() => undefined);
  const sha = await commitChange(world, { author, message: `bench: ${OBJECTS} ConfigMaps`, files: configMaps() });
  const kustomization = {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name: NAME, namespace: "flux-system" },
    spec: { interval: "60m", path: `./${PATH}`, prune: true, targetNamespace: NAMESPACE, sourceRef: { kind: "GitRepository", name: "fleet" } },
  };
  await kubectl(cluster, ["annotate", "gitrepository", "fleet", "-n", "flux-system", "--overwrite", `reconcile.fluxcd.io/requestedAt=${Date.now()}`]);
  await kubectl(cluster, ["apply", "--server-side", "--field-manager=syncline-bench", "-f", "-"], { input: stringify(kustomization) });
  await applied(cluster, sha);
  await kubectl(cluster, ["patch", "kustomization", NAME, "-n", "flux-system", "--type=merge", "-p", '{"spec":{"suspend":true}}']);
  for (let i = 0; i < HAND_CHANGES; i++) {
    await kubectl(cluster, ["patch", "configmap", `settings-${String(i * 97).padStart(3, "0")}`, "-n", NAMESPACE, "--type=merge", "-p", '{"data":{"TIER":"by-hand"}}']);
  }
  const object = await getObject<FluxObject>(cluster, { kind: "Kustomization", namespace: "flux-system", name: NAME });

  const added = await addCluster({ name: `bench-drift-${randomUUID().slice(0, 6)}`, kubeconfig: readFileSync(cluster.kubeconfig, "utf8") }, systemActor);
  try {
    await inventory().ready();
    const row = await db().cluster.findUniqueOrThrow({ where: { id: added.id } });
    const ctx = driftContextFor(row, new AbortController().signal);
    // The bench runs no watches: the cluster's Flux objects are read once, as a watch would have delivered them.
    const lists = new Map<string, FluxObject[]>();
    for (const kind of ["GitRepository", "Kustomization", "HelmRelease", "HelmChart"] as const) {
      lists.set(kind, (await kubectlJson<{ items: FluxObject[] }>(cluster, ["get", `${kind.toLowerCase()}.${kind === "Kustomization" ? "kustomize" : kind === "HelmRelease" ? "helm" : "source"}.toolkit.fluxcd.io`, "-A"])).items);
    }
    const context = { ...ctx, objectsOf: (kind: string) => lists.get(kind) ?? [] };

    const checkout = await context.checkout(lists.get("GitRepository")!.find((o) => o.metadata.name === "fleet")!, `main@sha1:${sha}`);
    const recompute: number[] = [];
    const fluxDiff: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const result = await computeKustomizationDrift(context, object);
        recompute.push(performance.now() - started);
        if (result.summary.error || result.objects.length !== HAND_CHANGES || result.compared.length < OBJECTS) {
          throw new Error(`Syncline found ${result.objects.length} drifted of ${result.compared.length} (${result.summary.error ?? "no error"})`);
        }
        fluxDiff.push(fluxDiffMs(cluster, join(checkout.dir, PATH)));
      }
    } finally {
      await checkout.dispose();
    }

    const computed = await computeClusterDrift(context, driftEngine);
    await storeDriftReport(computed, async () => null);
    const name = `bench-${randomUUID().slice(0, 8)}`;
    await addUser({ name, role: "viewer", password: "bench-password-123" }, systemActor);
    const { token } = await createApiToken(name, { name: "bench" }, systemActor);
    const call = async () => {
      const started = performance.now();
      const response = await listDriftSummaries(new Request("http://syncline.bench/api/drift", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
      const body = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200 || !body.includes(added.id)) throw new Error(`GET /api/drift answered ${response.status}`);
      return ms;
    };
    for (let i = 0; i < 30; i++) await call();
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) samples.push(await call());
    const kubectlGet: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await kubectl(cluster, ["get", "configmaps", "-n", NAMESPACE, "-o", "json"]);
      kubectlGet.push(performance.now() - started);
    }

    const seconds = (ms: number) => Math.round(ms / 10) / 100;
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return [
      {
        name: `full recompute of one Kustomization, ${OBJECTS} objects, ${HAND_CHANGES} drifted (median of ${RUNS}; flux build + dry runs + diff)`,
        value: seconds(percentile(recompute, 50)),
        unit: "s",
        target: "≤ flux diff's time",
        comparison: { name: `flux diff kustomization on the same objects (median of ${RUNS})`, value: seconds(percentile(fluxDiff, 50)), unit: "s" },
      },
      {
        name: `GET /api/drift p95, cached summaries (${REQUESTS} requests, bearer token)`,
        value: round(percentile(samples, 95)),
        unit: "ms",
        target: "≤ 20 ms",
        comparison: { name: `kubectl get configmaps -o json, the same ${OBJECTS} objects (median)`, value: Math.round(percentile(kubectlGet, 50)), unit: "ms" },
      },
    ];
  } finally {
    await removeCluster(added.id, systemActor);
    await kubectl(cluster, ["delete", "kustomization", NAME, "-n", "flux-system", "--wait=false"]).catch(() => undefined);
    if (!fluxCli) delete process.env.SYNCLINE_FLUX_CLI;
  }
}
