import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as updateRoute } from "@/app/api/clusters/[id]/route";
import { kubectlJson } from "@/e2e/sandbox";
import type { Actor } from "@/lib/auth/actor";
import { openSecret } from "@/lib/crypto/secret-box";
import { secretKey } from "@/lib/crypto/secret-key";
import { db } from "@/lib/db/client";
import { inventory } from "@/lib/inventory";
import { call } from "../support/http";
import { bearer, connected, forgetRegistered, kubeconfigOf, register, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };

beforeAll(async () => {
  await startTestInventory();
  admin = await userActor("admin");
});

afterAll(async () => {
  await forgetRegistered(admin.actor);
});

const replace = (id: string, body: Record<string, unknown>) => call(updateRoute, { method: "PATCH", headers: bearer(admin.token), params: { id }, body });

/** The uid the store holds for a cluster's `apps` Kustomization: which API server its watch reads. */
const watchedAppsUid = (id: string) => inventory().store.object(id, "Kustomization", "flux-system", "apps")?.metadata.uid;

async function appsUidOn(index: number): Promise<string> {
  const apps = await kubectlJson<{ metadata: { uid: string } }>(sandbox().clusters[index]!, ["get", "-n", "flux-system", "kustomization", "apps"]);
  return apps.metadata.uid;
}

describe("replacing a cluster's kubeconfig to rotate its credentials", () => {
  it("probes the new credentials, records what they may do, seals them, audits the replacement without them, and reconnects", async () => {
    const cluster = await register(sandbox().clusters[0]!, admin.actor, "viewerKubeconfig");
    expect(cluster.capabilities.permissions.patch).toBe(false);
    await connected(cluster.id);
    const rotated = kubeconfigOf(sandbox().clusters[0]!, "certKubeconfig");

    const response = await replace(cluster.id, { kubeconfig: rotated });
    expect(response.status).toBe(200);
    expect(response.json.capabilities).toMatchObject({ permissions: { list: true, watch: true, patch: true }, authMethod: "client-certificate" });

    const row = await db().cluster.findUniqueOrThrow({ where: { id: cluster.id } });
    expect(openSecret(row.kubeconfigEncrypted, secretKey())).toBe(rotated);
    expect(row.kubeconfigEncrypted).not.toContain("client-key-data");

    const audit = await db().auditEvent.findFirstOrThrow({ where: { clusterId: cluster.id, action: "cluster.update" }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ kubeconfig: "replaced", server: sandbox().clusters[0]!.server });
    expect(JSON.stringify([audit.before, audit.after, audit.results])).not.toContain("client-key-data");
    await connected(cluster.id);
    expect(inventory().store.clusterSummary(cluster.id)?.health).toBe("connected");
  });

  it("refuses credentials the cluster rejects, keeping the old ones and the connection", async () => {
    const cluster = await register(sandbox().clusters[0]!, admin.actor);
    await connected(cluster.id);
    const connection = { kubeconfigEncrypted: true, server: true, context: true, capabilities: true } as const;
    const before = await db().cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: connection });
    const response = await replace(cluster.id, { kubeconfig: kubeconfigOf(sandbox().clusters[0]!, "nobodyKubeconfig") });
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("cluster_forbidden");
    expect(await db().cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: connection })).toEqual(before);
    expect(inventory().store.clusterSummary(cluster.id)?.health).toBe("connected");
  });

  it("moves a cluster to another API server only when told to, and then watches that server", async () => {
    const cluster = await register(sandbox().clusters[0]!, admin.actor);
    await connected(cluster.id);
    const [first, second] = await Promise.all([appsUidOn(0), appsUidOn(1)]);
    await waitFor("the first server's objects", () => watchedAppsUid(cluster.id) === first);
    const other = kubeconfigOf(sandbox().clusters[1]!);

    const refused = await replace(cluster.id, { kubeconfig: other });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("server_changed");

    const moved = await replace(cluster.id, { kubeconfig: other, allowServerChange: true });
    expect(moved.status).toBe(200);
    expect(moved.json.server).toBe(sandbox().clusters[1]!.server);
    await waitFor("the watch to read the new server", () => watchedAppsUid(cluster.id) === second);
  });
});
