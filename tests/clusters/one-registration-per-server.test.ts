import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { POST as addRoute } from "@/app/api/clusters/route";
import { DELETE as removeRoute } from "@/app/api/clusters/[id]/route";
import type { Actor } from "@/lib/auth/actor";
import { addCluster, listClusterObjects, removeCluster } from "@/lib/clusters";
import { db } from "@/lib/db/client";
import { inventory } from "@/lib/inventory";
import { fluxModels } from "@/lib/k8s/resources";
import { patchObject, type SandboxCluster } from "@/e2e/sandbox";
import { startCountingProxy, type CountingProxy } from "../support/counting-proxy";
import { call, ORIGIN } from "../support/http";
import { bearer, connected, forgetRegistered, kubeconfigOf, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };
let sandboxCluster: SandboxCluster;
let proxy: CountingProxy;
/** The sandbox cluster's admin kubeconfig, reaching its API server through the counting proxy. */
let kubeconfig: string;
const apps = { kind: "Kustomization", namespace: "flux-system", name: "apps" };
const MARK = "syncline.test/shared-watch";

beforeAll(async () => {
  await startTestInventory();
  admin = await userActor("admin");
  sandboxCluster = sandbox().clusters[0]!;
  proxy = await startCountingProxy(sandboxCluster.server);
  const document = parse(kubeconfigOf(sandboxCluster));
  // The same server spelled differently: a trailing slash does not make it another server.
  document.clusters[0].cluster.server = `${proxy.url}/`;
  kubeconfig = stringify(document);
});

afterAll(async () => {
  await patchObject(sandboxCluster, apps, { metadata: { annotations: { [MARK]: null } } });
  for (const row of await db().cluster.findMany({ where: { server: { startsWith: proxy.url } } })) await removeCluster(row.id, admin.actor);
  await forgetRegistered(admin.actor);
  await proxy.close();
});

function addOverHttp(body: Record<string, unknown>) {
  return call(addRoute, { method: "POST", path: "/api/clusters", headers: { ...bearer(admin.token), origin: ORIGIN }, body });
}

/** The most connections open through the proxy over a short window, so a socket between requests still counts. */
async function openConnections(): Promise<number> {
  let most = 0;
  for (let sample = 0; sample < 15; sample++) {
    most = Math.max(most, proxy.open());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return most;
}

async function objectsOf(clusterId: string) {
  return waitFor(`the Flux objects of ${clusterId}`, async () => {
    const objects = await listClusterObjects(clusterId);
    return objects.length >= 5 ? objects : undefined;
  });
}

describe("one cluster, one registration", () => {
  let first: { id: string; name: string };

  it("registering an API server that is already registered gets 409 naming the registration, and stores nothing", async () => {
    first = await addCluster({ name: `first-${randomUUID().slice(0, 6)}`, kubeconfig }, admin.actor);
    const before = await db().cluster.count();
    const again = await addOverHttp({ name: `again-${randomUUID().slice(0, 6)}`, kubeconfig });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("cluster_already_registered");
    expect(again.json.error.message).toContain(first.name);
    expect(again.json.error.details.registrations).toEqual([{ id: first.id, name: first.name }]);
    expect(await db().cluster.count()).toBe(before);
  });

  it("with allowDuplicateServer a second registration is made, and it shares the first's watch streams instead of opening its own", async () => {
    await connected(first.id);
    await objectsOf(first.id);
    const withOne = await openConnections();
    // Every Flux kind and the Events have a watch open, each on its own connection.
    expect(withOne).toBeGreaterThanOrEqual(fluxModels.length + 1);

    const second = await addOverHttp({ name: `second-${randomUUID().slice(0, 6)}`, kubeconfig, allowDuplicateServer: true });
    expect(second.status).toBe(201);
    const secondId = second.json.id as string;
    await connected(secondId);
    expect((await objectsOf(secondId)).map((o) => `${o.kind}/${o.name}`).sort()).toEqual((await objectsOf(first.id)).map((o) => `${o.kind}/${o.name}`).sort());
    const withTwo = await openConnections();
    expect(withTwo - withOne).toBeLessThan(fluxModels.length + 1);

    // Once the first registration is gone, the second still follows the cluster on the shared streams.
    const removed = await call(removeRoute, { method: "DELETE", headers: bearer(admin.token), params: { id: first.id } });
    expect(removed.status).toBe(200);
    const stamp = randomUUID();
    await patchObject(sandboxCluster, apps, { metadata: { annotations: { [MARK]: stamp } } });
    await waitFor("the second registration to see the change", () =>
      inventory()
        .store.objects(secondId, "Kustomization")
        .some((o) => o.metadata.name === "apps" && o.metadata.annotations?.[MARK] === stamp),
    );
    expect(inventory().store.clusterSummary(secondId)?.health).toBe("connected");
  });
});
