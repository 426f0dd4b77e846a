import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { addCluster, removeCluster } from "../../lib/clusters";
import type { ClusterDetail } from "../../lib/fleet/dto";
import { inventory } from "../../lib/inventory";
import type { SandboxCluster, SandboxWorld } from "../../e2e/sandbox";
import { newUser } from "./users";

/** The running sandbox world (two clusters: staging-1 and production-1). */
export function sandbox(): SandboxWorld {
  return inject("sandbox");
}

export function kubeconfigOf(cluster: SandboxCluster, identity: "kubeconfig" | "certKubeconfig" | "viewerKubeconfig" | "nobodyKubeconfig" = "kubeconfig"): string {
  return readFileSync(cluster[identity], "utf8");
}

/** Fast timings, so a failure or recovery shows within a second or two. */
export function startTestInventory(): Promise<void> {
  return inventory().start({ backoffMs: 200, maxBackoffMs: 2_000, probeMs: 500, persistMs: 200, registrySyncMs: 60_000 });
}

/** A signed-in user as lib functions receive it, plus an API token for route calls. */
export async function userActor(role: "viewer" | "operator" | "admin" = "admin"): Promise<{ actor: Actor; token: string }> {
  const user = await newUser(role);
  return { actor: { type: "user", id: user.id, name: user.name, email: user.email, role: user.role, via: "token" }, token: await user.token() };
}

const registered: string[] = [];

/**
 * Registers a sandbox cluster under a unique name (specs share one database) and remembers it for
 * cleanup. Specs register the same few API servers many times, so duplicates are allowed here.
 */
export async function register(cluster: SandboxCluster, actor: Actor, identity: Parameters<typeof kubeconfigOf>[1] = "kubeconfig"): Promise<ClusterDetail> {
  const added = await addCluster(
    { name: `${cluster.name}-${randomUUID().slice(0, 6)}`, kubeconfig: kubeconfigOf(cluster, identity), labels: cluster.labels, allowDuplicateServer: true },
    actor,
  );
  registered.push(added.id);
  return added;
}

export async function forgetRegistered(actor: Actor): Promise<void> {
  for (const id of registered.splice(0)) await removeCluster(id, actor).catch(() => undefined);
  await inventory().stop();
}

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * A spec file's usual start: the inventory running with fast timings, a user of `role`, and
 * sandbox cluster `index` registered under a unique name and connected.
 */
export async function registerConnectedSandboxCluster(
  index: number,
  role: "viewer" | "operator" | "admin",
): Promise<{ user: { actor: Actor; token: string }; sandboxCluster: SandboxCluster; cluster: ClusterDetail }> {
  await startTestInventory();
  const user = await userActor(role);
  const sandboxCluster = sandbox().clusters[index]!;
  const cluster = await register(sandboxCluster, user.actor);
  await connected(cluster.id);
  return { user, sandboxCluster, cluster };
}

export async function connected(clusterId: string): Promise<void> {
  await waitFor(`cluster ${clusterId} to connect`, () => inventory().store.clusterSummary(clusterId)?.health === "connected");
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
