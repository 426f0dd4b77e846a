// Benchmark: how long a change made in a cluster (here `kubectl patch`, as a colleague or Flux
// would) takes to reach a client of GET /api/events, next to `kubectl get --watch` on the same
// change. The target is 2 s to an open browser; the UI applies events on the next frame.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { GET as events } from "../app/api/events/route";
import { attachOrStartWorld, patchObject } from "../e2e/sandbox";
import { systemActor } from "../lib/auth/actor";
import { createApiToken } from "../lib/tokens";
import { addCluster, removeCluster } from "../lib/clusters";
import type { FleetEvent } from "../lib/fleet/dto";
import { inventory } from "../lib/inventory";
import { addUser } from "../lib/users";
import { percentile, type BenchResult } from "./bench-result";

const CHANGES = 10;
const TARGET = { kind: "Kustomization", namespace: "flux-system", name: "infra" };

/** Resolves the first time `predicate` holds for a value pushed to `listeners`, with its arrival time. */
function arrival<T>(listeners: Set<(value: T) => void>, predicate: (value: T) => boolean, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching update within ${timeoutMs} ms`)), timeoutMs);
    const listener = (value: T) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(performance.now());
    };
    listeners.add(listener);
  });
}

async function readServerSentEvents(body: ReadableStream<Uint8Array>, listeners: Set<(event: FleetEvent) => void>): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const data = buffer.slice(0, end).split("\n").find((line) => line.startsWith("data: "));
      buffer = buffer.slice(end + 2);
      if (data) for (const listener of [...listeners]) listener(JSON.parse(data.slice(6)) as FleetEvent);
    }
  }
}

export async function run(): Promise<BenchResult[]> {
  const { world } = await attachOrStartWorld({ clusters: 2 });
  const cluster = world.clusters[0]!;
  await inventory().start();
  const added = await addCluster({ name: `bench-live-${randomUUID().slice(0, 6)}`, kubeconfig: readFileSync(cluster.kubeconfig, "utf8") }, systemActor);
  const user = await addUser({ name: `bench-${randomUUID().slice(0, 6)}`, role: "viewer", password: randomUUID() }, systemActor);
  const { token } = await createApiToken(user.name, { name: "bench" }, systemActor);
  const abort = new AbortController();
  const sse = new Set<(event: FleetEvent) => void>();
  const watch = new Set<(line: string) => void>();
  const kubectlWatch = spawn(
    join(cluster.bin, "kubectl"),
    ["get", "kustomization", TARGET.name, "-n", TARGET.namespace, "--watch", "--output-watch-events", "-o", "jsonpath={.object.spec.suspend}{\"\\n\"}"],
    { env: { ...process.env, KUBECONFIG: cluster.kubeconfig } },
  );
  createInterface({ input: kubectlWatch.stdout }).on("line", (line) => watch.forEach((listener) => listener(line.trim())));
  try {
    const response = await events(
      new Request(`http://bench.local/api/events?cluster=${added.id}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal }),
      { params: Promise.resolve({}) },
    );
    readServerSentEvents(response.body!, sse).catch(() => undefined);
    const connected = arrival(sse, (event) => event.type === "cluster" && event.cluster.id === added.id && event.cluster.health === "connected", 60_000);
    if (inventory().store.clusterSummary(added.id)?.health !== "connected") await connected;

    const toSyncline: number[] = [];
    const toKubectl: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const suspend = i % 2 === 0;
      const seenBySyncline = arrival(sse, (event) => event.type === "object" && event.object.name === TARGET.name && event.object.kind === TARGET.kind && event.object.suspended === suspend);
      const seenByKubectl = arrival(watch, (line) => (line === "true") === suspend);
      const changed = performance.now();
      await patchObject(cluster, TARGET, { spec: { suspend: suspend ? true : null } });
      toSyncline.push((await seenBySyncline) - changed);
      toKubectl.push((await seenByKubectl) - changed);
    }
    const ms = (samples: number[], p: number) => Math.round(percentile(samples, p));
    return [
      {
        name: `kubectl patch → event at a /api/events client, p50 (${CHANGES} changes)`,
        value: ms(toSyncline, 50),
        unit: "ms",
        comparison: { name: "kubectl get --watch on the same change, p50", value: ms(toKubectl, 50), unit: "ms" },
      },
      {
        name: "kubectl patch → event at a /api/events client, p95",
        value: ms(toSyncline, 95),
        unit: "ms",
        target: "≤ 2 s to the browser",
        comparison: { name: "kubectl get --watch on the same change, p95", value: ms(toKubectl, 95), unit: "ms" },
      },
    ];
  } finally {
    abort.abort();
    kubectlWatch.kill();
    await patchObject(cluster, TARGET, { spec: { suspend: null } });
    await removeCluster(added.id, systemActor);
    await inventory().stop();
  }
}
