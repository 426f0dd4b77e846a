import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setObjectAutoSync } from "@/lib/autosync";
import { addCluster, removeCluster } from "@/lib/clusters";
import { inventory } from "@/lib/inventory";
import { fluxModels } from "@/lib/k8s/resources";
import { startWatchProxy, type WatchProxy } from "../support/watch-proxy";
import { connected, forgetRegistered, kubeconfigOf, sandbox, userActor, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };
let proxy: WatchProxy;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Timers keeping the process alive: a watcher left running keeps its backoff and probe timers. */
const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;

beforeAll(async () => {
  // The registry is re-read every 25 ms, so a re-read lands while the removal is under way.
  await inventory().start({ backoffMs: 200, maxBackoffMs: 2_000, probeMs: 500, persistMs: 200, registrySyncMs: 25 });
  admin = await userActor("admin");
  proxy = await startWatchProxy(kubeconfigOf(sandbox().clusters[1]!));
});

afterAll(async () => {
  await forgetRegistered(admin.actor);
  await proxy.stop();
});

describe("removing a cluster", () => {
  it("closes every connection to its API server at once, leaves no timer behind, and the registry re-read does not bring it back", async () => {
    let timersBefore = 0;
    for (let sample = 0; sample < 10; sample++, await sleep(100)) timersBefore = Math.max(timersBefore, timers());
    const cluster = await addCluster({ name: `removed-${randomUUID().slice(0, 6)}`, kubeconfig: proxy.kubeconfig, allowDuplicateServer: true }, admin.actor);
    await connected(cluster.id);
    // Acting on the cluster opens a connection of its own, besides the watches.
    await setObjectAutoSync(cluster.id, { kind: "Kustomization", namespace: "flux-system", name: "apps" }, { enabled: true }, admin.actor);
    expect(proxy.openConnections()).toBeGreaterThan(fluxModels.length);

    await removeCluster(cluster.id, admin.actor);
    const requestsAtRemoval = proxy.requests.length;
    await waitFor("every connection to close", () => proxy.openConnections() === 0, 1_000);
    for (let reread = 0; reread < 40; reread++, await sleep(50)) {
      expect({ connections: proxy.openConnections(), shown: inventory().store.hasCluster(cluster.id) }).toEqual({ connections: 0, shown: false });
    }
    expect(proxy.requests.slice(requestsAtRemoval)).toEqual([]);
    await waitFor("the cluster's timers to be gone", () => timers() <= timersBefore, 15_000);
  });
});
