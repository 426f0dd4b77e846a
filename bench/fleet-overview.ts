// Benchmark: server time of GET /api/clusters with 100 clusters × 100 Flux objects in the
// snapshot store (target p95 ≤ 50 ms), next to listing one sandbox cluster's Kustomizations with
// kubectl and flux.
import { randomUUID } from "node:crypto";
import { GET } from "../app/api/clusters/route";
import { attachOrStartWorld } from "../e2e/sandbox";
import { inventory, type ClusterRecord } from "../lib/inventory";
import type { FluxObject } from "../lib/k8s/resources";
import { addUser } from "../lib/users";
import { systemActor } from "../lib/auth/actor";
import { createApiToken } from "../lib/tokens";
import { percentile, type BenchResult } from "./bench-result";
import { medianCliMs } from "./sandbox-timing";

const CLUSTERS = 100;
const OBJECTS = 100;
const REQUESTS = 300;

function fluxObject(kind: string, index: number): FluxObject {
  const ready = index % 10 === 0 ? "False" : "True";
  return {
    apiVersion: kind === "Kustomization" ? "kustomize.toolkit.fluxcd.io/v1" : kind === "HelmRelease" ? "helm.toolkit.fluxcd.io/v2" : "source.toolkit.fluxcd.io/v1",
    kind,
    metadata: { name: `${kind.toLowerCase()}-${index}`, namespace: `team-${index % 7}`, resourceVersion: String(1000 + index), uid: randomUUID() },
    spec: { suspend: index % 25 === 0, interval: "5m", sourceRef: { kind: "GitRepository", name: "fleet" } },
    status: {
      conditions: [{ type: "Ready", status: ready, reason: ready === "True" ? "ReconciliationSucceeded" : "BuildFailed", message: "Applied revision: main@sha1:0123456789abcdef", lastTransitionTime: new Date().toISOString() }],
      lastAppliedRevision: "main@sha1:0123456789abcdef0123456789abcdef01234567",
      artifact: { revision: "main@sha1:0123456789abcdef0123456789abcdef01234567", lastUpdateTime: new Date().toISOString() },
    },
  };
}

function feedStore(): void {
  const store = inventory().store;
  for (let c = 0; c < CLUSTERS; c++) {
    const record: ClusterRecord = {
      id: randomUUID(),
      name: `bench-${String(c).padStart(3, "0")}`,
      server: `https://10.0.${c}.1:6443`,
      context: "bench",
      labels: { env: c % 2 ? "production" : "staging", region: `eu-${c % 4}` },
      fluxVersion: "v2.9.5",
      capabilities: { kubernetesVersion: "v1.35.4", controllers: [], permissions: { list: true, watch: true, patch: true }, authMethod: "token" },
      createdAt: new Date().toISOString(),
      health: "connected",
      healthMessage: null,
      lastSeenAt: new Date().toISOString(),
    };
    store.upsertCluster(record);
    const kinds = { GitRepository: 20, HelmRepository: 5, HelmChart: 5, Kustomization: 50, HelmRelease: 20 };
    let index = 0;
    for (const [kind, count] of Object.entries(kinds)) {
      const objects = Array.from({ length: count }, () => fluxObject(kind, index++));
      store.replaceList(record.id, kind as "Kustomization", objects);
    }
  }
}

export async function run(): Promise<BenchResult[]> {
  const { world } = await attachOrStartWorld({ clusters: 2 });
  const cluster = world.clusters[0]!;
  await inventory().ready();
  feedStore();
  const name = `bench-${randomUUID().slice(0, 8)}`;
  await addUser({ name, role: "viewer", password: "bench-password-123" }, systemActor);
  const { token } = await createApiToken(name, { name: "bench" }, systemActor);
  const call = async () => {
    const started = performance.now();
    const response = await GET(new Request("http://syncline.bench/api/clusters", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || JSON.parse(body).length !== CLUSTERS) throw new Error(`GET /api/clusters answered ${response.status}`);
    return ms;
  };
  for (let i = 0; i < 30; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) samples.push(await call());
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return [
    {
      name: `GET /api/clusters p95, ${CLUSTERS} clusters × ${OBJECTS} objects (${REQUESTS} requests, bearer token)`,
      value: round(percentile(samples, 95)),
      unit: "ms",
      target: "≤ 50 ms",
      comparison: { name: "kubectl get kustomizations -A -o json, 1 cluster (median)", value: medianCliMs(cluster, "kubectl", ["get", "kustomizations", "-A", "-o", "json"]), unit: "ms" },
    },
    {
      name: "GET /api/clusters p50",
      value: round(percentile(samples, 50)),
      unit: "ms",
      comparison: { name: "flux get kustomizations -A, 1 cluster (median)", value: medianCliMs(cluster, "flux", ["get", "kustomizations", "-A"]), unit: "ms" },
    },
  ];
}
