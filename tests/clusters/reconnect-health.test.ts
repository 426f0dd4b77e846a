import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addCluster, removeCluster } from "@/lib/clusters";
import type { ClusterHealth } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { collectionPath, fluxModels } from "@/lib/k8s/resources";
import { startWatchProxy, type WatchProxy } from "../support/watch-proxy";
import { connected, forgetRegistered, kubeconfigOf, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };
let proxy: WatchProxy;
let clusterId: string;
/** Every health the cluster was published with, and when, as live updates carry it. */
const published: Array<{ health: ClusterHealth; at: number }> = [];
let unsubscribe: () => void;
/** The collections Syncline watches: every Flux kind (the sandbox installs them all), and Events. */
let watched: string[];

beforeAll(async () => {
  await startTestInventory();
  admin = await userActor("admin");
  proxy = await startWatchProxy(kubeconfigOf(sandbox().clusters[0]!));
  clusterId = (await addCluster({ name: `reconnect-health-${randomUUID().slice(0, 6)}`, kubeconfig: proxy.kubeconfig, allowDuplicateServer: true }, admin.actor)).id;
  await connected(clusterId);
  unsubscribe = inventory().store.subscribe((event) => {
    if (event.type === "cluster" && event.cluster.id === clusterId) published.push({ health: event.cluster.health, at: Date.now() });
  });
  watched = [...fluxModels.map((model) => collectionPath(model)), "/api/v1/events"].sort();
  // Watches start once each kind is listed; wait until every stream has one open.
  await waitFor("every stream to be watched", () => watched.every((path) => proxy.requests.some((request) => request.watch && request.path === path)));
});

afterAll(async () => {
  unsubscribe?.();
  await removeCluster(clusterId, admin.actor).catch(() => undefined);
  await forgetRegistered(admin.actor);
  await proxy.stop();
});

/**
 * Resolves when every watched collection has been asked for again after request number `mark`,
 * with the time the last of them arrived at the proxy (it keeps no times, so it is polled).
 */
async function everyStreamRewatched(mark: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  const arrived = new Map<string, number>();
  while (Date.now() < deadline) {
    for (const request of proxy.requests.slice(mark)) if (request.watch && !arrived.has(request.path)) arrived.set(request.path, Date.now());
    if (watched.every((path) => arrived.has(path))) return Math.max(...arrived.values());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not every stream watched again: ${watched.filter((path) => !arrived.has(path)).join(", ")}`);
}

const health = () => inventory().store.clusterSummary(clusterId)?.health;

describe("a cluster whose watch connections drop", () => {
  it("stays connected when every watch is cut once and reconnects at once", async () => {
    // A watch dropped the moment it opened counts as failing; these have been open a while.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mark = proxy.requests.length;
    const from = published.length;
    proxy.cutWatches();
    proxy.restoreWatches();

    await everyStreamRewatched(mark);
    // Long enough for a stream that still counts itself failing to be published as such.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(published.slice(from).map((p) => p.health).filter((health) => health !== "connected")).toEqual([]);
    expect(health()).toBe("connected");
  });

  it("is connected again within a second of its streams reconnecting after an outage, though nothing changes", async () => {
    proxy.cutWatches();
    await waitFor("the outage to show", () => health() === "degraded", 10_000);
    // Let every stream fail and back off a few times, as in a real outage.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const mark = proxy.requests.length;
    const restoredAt = Date.now();
    proxy.restoreWatches();
    const reconnectedAt = await everyStreamRewatched(mark);
    await waitFor("the cluster to read connected again", () => health() === "connected", 10_000);
    const connectedAt = published.find((p) => p.at >= restoredAt && p.health === "connected")!.at;
    expect(connectedAt - reconnectedAt).toBeLessThan(1_000);
  });
});
