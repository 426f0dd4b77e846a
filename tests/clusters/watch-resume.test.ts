import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setObjectAutoSync } from "@/lib/autosync";
import { addCluster, removeCluster } from "@/lib/clusters";
import { db } from "@/lib/db/client";
import { inventory } from "@/lib/inventory";
import { collectionPath, Kustomization } from "@/lib/k8s/resources";
import { applyObject, getObject, kubectl, kubectlJson, type SandboxCluster } from "@/e2e/sandbox";
import { startWatchProxy, type WatchProxy } from "../support/watch-proxy";
import { connected, forgetRegistered, kubeconfigOf, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

const KUSTOMIZATIONS = collectionPath(Kustomization);
const NAMESPACE = "flux-system";
const MARK = "syncline.test/watch-resume";
const suffix = randomUUID().slice(0, 6);

let admin: { actor: Actor; token: string };
let sandboxCluster: SandboxCluster;
let proxy: WatchProxy;
let clusterId: string;
const created: string[] = [];

/** A Kustomization no controller will change by itself: its source does not exist, or it is suspended. */
async function createKustomization(role: string, suspend: boolean): Promise<string> {
  const name = `watch-resume-${role}-${suffix}`;
  await applyObject(sandboxCluster, {
    apiVersion: Kustomization.apiVersion,
    kind: "Kustomization",
    metadata: { name, namespace: NAMESPACE },
    spec: { interval: "10m", path: "./nowhere", prune: false, suspend, sourceRef: { kind: "GitRepository", name: "syncline-test-no-such-source" } },
  });
  created.push(name);
  return name;
}

const held = (name: string) => inventory().store.object(clusterId, "Kustomization", NAMESPACE, name);
const resourceVersionOf = async (name: string) => (await getObject<{ metadata: { resourceVersion: string } }>(sandboxCluster, { kind: "Kustomization", namespace: NAMESPACE, name })).metadata.resourceVersion;

/** Until the store holds the object as the API server has it, and the controller has stopped changing it. */
async function settled(name: string): Promise<void> {
  await waitFor(`${name} to settle`, async () => {
    const version = await resourceVersionOf(name);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return version === (await resourceVersionOf(name)) && held(name)?.metadata.resourceVersion === version;
  });
}

type Named = { metadata: { name: string; namespace?: string } };
const keys = (objects: Named[]) => objects.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort();

beforeAll(async () => {
  await startTestInventory();
  admin = await userActor("admin");
  sandboxCluster = sandbox().clusters[0]!;
  proxy = await startWatchProxy(kubeconfigOf(sandboxCluster));
  clusterId = (await addCluster({ name: `watch-resume-${suffix}`, kubeconfig: proxy.kubeconfig, allowDuplicateServer: true }, admin.actor)).id;
  await connected(clusterId);
});

afterAll(async () => {
  if (created.length) await kubectl(sandboxCluster, ["delete", "kustomization", "-n", NAMESPACE, "--ignore-not-found", "--wait=false", ...created]);
  await removeCluster(clusterId, admin.actor).catch(() => undefined);
  await forgetRegistered(admin.actor);
  await proxy.stop();
});

describe("a watch that loses its connection", () => {
  it("resumes where it left off: a change made while it was down arrives, although Syncline wrote a newer object meanwhile, and nothing is listed again", async () => {
    const a = await createKustomization("a", false);
    const b = await createKustomization("b", true);
    await settled(b);
    await waitFor("a to be watched", () => held(a));
    const mark = proxy.requests.length;
    proxy.cutWatches();

    const stamp = randomUUID();
    await kubectl(sandboxCluster, ["annotate", "-n", NAMESPACE, "kustomization", b, `${MARK}=${stamp}`]);
    const changed = BigInt(await resourceVersionOf(b));
    const result = await setObjectAutoSync(clusterId, { kind: "Kustomization", namespace: NAMESPACE, name: a }, { enabled: false, reason: "watch resume spec" }, admin.actor);
    expect(result.outcome).toBe("success");
    // Syncline's own write is in the store at once, at a version newer than b's change.
    expect(BigInt(held(a)!.metadata.resourceVersion!)).toBeGreaterThan(changed);

    const restored = proxy.requests.length;
    proxy.restoreWatches();
    await waitFor("b's change, made while the watch was down, to arrive", () => held(b)?.metadata.annotations?.[MARK] === stamp, 20_000);
    const kustomizations = proxy.requests.slice(mark).filter((request) => request.path === KUSTOMIZATIONS);
    expect(kustomizations.filter((request) => !request.watch)).toEqual([]);
    const resumed = proxy.requests.slice(restored).find((request) => request.path === KUSTOMIZATIONS && request.watch)!;
    expect(BigInt(resumed.resourceVersion!)).toBeLessThan(changed);
  });

  it("after a compaction (410 Gone) lists again: objects created and deleted meanwhile show as they are, each once", async () => {
    const doomed = await createKustomization("doomed", true);
    await settled(doomed);
    proxy.cutWatches();
    const born = await createKustomization("born", true);
    await kubectl(sandboxCluster, ["delete", "kustomization", "-n", NAMESPACE, doomed]);
    proxy.expireNextWatch(KUSTOMIZATIONS);
    const restored = proxy.requests.length;
    proxy.restoreWatches();

    await waitFor("the relist to show the gap's changes", () => held(born) && !held(doomed), 20_000);
    const after = proxy.requests.slice(restored).filter((request) => request.path === KUSTOMIZATIONS);
    expect(after.slice(0, 2).map((request) => (request.watch ? "watch" : "list"))).toEqual(["watch", "list"]);

    const onServer = keys((await kubectlJson<{ items: Named[] }>(sandboxCluster, ["get", "kustomizations", "-A"])).items);
    expect(keys(inventory().store.objects(clusterId, "Kustomization"))).toEqual(onServer);
    await inventory().flush();
    const stored = await db().fluxObjectSnapshot.findMany({ where: { clusterId, kind: "Kustomization", deletedAt: null }, select: { namespace: true, name: true } });
    expect(stored.map((row) => `${row.namespace}/${row.name}`).sort()).toEqual(onServer);
  });
});
