import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { PATCH as updateRoute } from "@/app/api/clusters/[id]/route";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { secretKey } from "@/lib/crypto/secret-key";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { newUser } from "../support/users";

/**
 * Replacing a cluster's kubeconfig is refused, and changes nothing, whenever the new one is not
 * for this cluster or does not work. What a working replacement does against real API servers is
 * in tests/clusters/replace-kubeconfig.test.ts.
 */

// Port 1 refuses connections at once: a registered server that does not answer.
const REGISTERED_SERVER = "https://127.0.0.1:1";

function kubeconfigFor(server: string, token: string, context = "main"): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "c", cluster: { server } }],
    users: [{ name: "u", user: { token } }],
    contexts: [{ name: context, context: { cluster: "c", user: "u" } }],
    "current-context": context,
  });
}

async function registeredCluster() {
  return db().cluster.create({
    data: {
      name: `rotate-${randomUUID().slice(0, 8)}`,
      server: REGISTERED_SERVER,
      context: "main",
      kubeconfigEncrypted: sealSecret(kubeconfigFor(REGISTERED_SERVER, "old-token"), secretKey()),
    },
  });
}

async function adminHeaders() {
  return { authorization: `Bearer ${await (await newUser("admin")).token()}` };
}

/** The stored row and its audit records, to show a refusal changed neither. */
async function stateOf(id: string) {
  const [row, audits] = await Promise.all([db().cluster.findUniqueOrThrow({ where: { id } }), db().auditEvent.count({ where: { clusterId: id } })]);
  return { row, kubeconfig: openSecret(row.kubeconfigEncrypted, secretKey()), audits };
}

describe("replacing a cluster's kubeconfig", () => {
  it("refuses a kubeconfig for another API server with 409 server_changed, naming both, and changes nothing", async () => {
    const cluster = await registeredCluster();
    const before = await stateOf(cluster.id);
    const response = await call(updateRoute, {
      method: "PATCH",
      headers: await adminHeaders(),
      params: { id: cluster.id },
      body: { kubeconfig: kubeconfigFor("https://elsewhere.example:6443", "new-token") },
    });
    expect(response.status).toBe(409);
    expect(response.json.error).toMatchObject({ code: "server_changed", details: { registered: REGISTERED_SERVER, given: "https://elsewhere.example:6443" } });
    expect(response.json.error.message).toContain("allow a server change");
    expect(await stateOf(cluster.id)).toEqual(before);
  });

  it("probes a kubeconfig for the same server as a registration does: a server that does not answer is refused with 422 cluster_unreachable", async () => {
    const cluster = await registeredCluster();
    const before = await stateOf(cluster.id);
    const response = await call(updateRoute, {
      method: "PATCH",
      headers: await adminHeaders(),
      params: { id: cluster.id },
      body: { kubeconfig: kubeconfigFor(REGISTERED_SERVER, "new-token") },
    });
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("cluster_unreachable");
    expect(await stateOf(cluster.id)).toEqual(before);
    expect(before.kubeconfig).toContain("old-token");
  });

  it("refuses a malformed kubeconfig with 422 kubeconfig_invalid, and a context it lacks with context_not_found", async () => {
    const cluster = await registeredCluster();
    const before = await stateOf(cluster.id);
    const headers = await adminHeaders();
    const malformed = await call(updateRoute, { method: "PATCH", headers, params: { id: cluster.id }, body: { kubeconfig: "apiVersion: v1\nclusters: [oops" } });
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.code).toBe("kubeconfig_invalid");
    const noContext = await call(updateRoute, { method: "PATCH", headers, params: { id: cluster.id }, body: { kubeconfig: kubeconfigFor(REGISTERED_SERVER, "t"), context: "nope" } });
    expect(noContext.status).toBe(422);
    expect(noContext.json.error.code).toBe("context_not_found");
    expect(await stateOf(cluster.id)).toEqual(before);
  });
});
