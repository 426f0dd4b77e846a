import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify, parse } from "yaml";
import { GET as listRoute, POST as addRoute } from "@/app/api/clusters/route";
import { DELETE as removeRoute, GET as getRoute, PATCH as updateRoute } from "@/app/api/clusters/[id]/route";
import { GET as objectsRoute } from "@/app/api/clusters/[id]/objects/route";
import { GET as objectRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/route";
import { addCluster, listClusterObjects, listClusters } from "@/lib/clusters";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import { call, ORIGIN } from "../support/http";
import { syncline } from "../support/cli";
import { bearer, connected, forgetRegistered, kubeconfigOf, register, sandbox, startTestInventory, userActor, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };

beforeAll(async () => {
  await startTestInventory();
  admin = await userActor("admin");
});

afterAll(async () => {
  await forgetRegistered(admin.actor);
});

/**
 * Everything a registration can store: cluster rows, audit records and suspensions (snapshots and
 * sync events cannot outlive their cluster row). A refused registration leaves all of it as it was.
 */
async function storedState() {
  const [clusters, auditEvents, suspensions] = await Promise.all([
    db().cluster.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
    db().auditEvent.count(),
    db().suspension.count(),
  ]);
  return { clusters, auditEvents, suspensions };
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const before = await storedState();
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await storedState()).toEqual(before);
  return error as AppError;
}

describe("registering clusters", () => {
  it("registers both sandbox clusters, which then show as connected with their Flux objects", async () => {
    const a = await register(sandbox().clusters[0]!, admin.actor);
    const b = await register(sandbox().clusters[1]!, admin.actor);
    expect(a.server).toBe(sandbox().clusters[0]!.server);
    expect(a.capabilities.permissions).toEqual({ list: true, watch: true, patch: true });
    expect(a.capabilities.authMethod).toBe("token");
    expect(a.capabilities.controllers.map((c) => c.name).sort()).toEqual(["helm-controller", "kustomize-controller", "source-controller"]);
    // The CRDs carry the Flux version as `flux install` labels them; the controllers run outside the cluster.
    expect(a.fluxVersion).toBe("v2.9.5");
    expect(a.capabilities.controllers.every((c) => c.version === null)).toBe(true);
    await connected(a.id);
    await connected(b.id);
    for (const cluster of [a, b]) {
      const objects = await waitFor("the seeded Flux objects", async () => {
        const list = await listClusterObjects(cluster.id);
        return list.length >= 8 ? list : undefined;
      });
      expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(
        expect.arrayContaining([
          "GitRepository/fleet",
          "HelmChart/flux-system-podinfo",
          "HelmChart/flux-system-status-page",
          "HelmRelease/podinfo",
          "HelmRelease/status-page",
          "HelmRepository/podinfo",
          "Kustomization/apps",
          "Kustomization/infra",
        ]),
      );
      expect(objects.every((o) => !o.stale)).toBe(true);
    }
    const names = (await listClusters()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining([a.name, b.name]));
  });

  it("registers a cluster whose kubeconfig signs in with a client certificate", async () => {
    const added = await register(sandbox().clusters[0]!, admin.actor, "certKubeconfig");
    expect(added.capabilities.authMethod).toBe("client-certificate");
  });

  it("registers read-only credentials as a cluster that may not patch", async () => {
    const added = await register(sandbox().clusters[0]!, admin.actor, "viewerKubeconfig");
    expect(added.capabilities.permissions).toEqual({ list: true, watch: true, patch: false });
  });

  it("refuses a malformed kubeconfig with kubeconfig_invalid and stores nothing", async () => {
    const error = await refusal(() => addCluster({ name: "broken", kubeconfig: "apiVersion: v1\nclusters: [oops" }, admin.actor));
    expect(error.code).toBe("kubeconfig_invalid");
  });

  it("refuses a context the kubeconfig does not have with context_not_found, naming the ones it has", async () => {
    const cluster = sandbox().clusters[0]!;
    const error = await refusal(() => addCluster({ name: "wrong-context", kubeconfig: kubeconfigOf(cluster), context: "nope" }, admin.actor));
    expect(error.code).toBe("context_not_found");
    expect(error.details).toEqual({ contexts: [cluster.context] });
  });

  it("refuses credentials the API server rejects with cluster_unauthorized", async () => {
    const kubeconfig = parse(kubeconfigOf(sandbox().clusters[0]!));
    kubeconfig.users[0].user.token = "not-a-valid-token";
    const error = await refusal(() => addCluster({ name: "bad-token", kubeconfig: stringify(kubeconfig), allowDuplicateServer: true }, admin.actor));
    expect(error.code).toBe("cluster_unauthorized");
  });

  it("refuses credentials that may not list and watch Flux objects with cluster_forbidden", async () => {
    const error = await refusal(() => addCluster({ name: "nobody", kubeconfig: kubeconfigOf(sandbox().clusters[0]!, "nobodyKubeconfig"), allowDuplicateServer: true }, admin.actor));
    expect(error.code).toBe("cluster_forbidden");
    expect(error.message).toContain("list kustomizations");
  });

  it("refuses a server that does not answer with cluster_unreachable", async () => {
    const kubeconfig = parse(kubeconfigOf(sandbox().clusters[0]!));
    kubeconfig.clusters[0].cluster.server = "https://127.0.0.1:1";
    const error = await refusal(() => addCluster({ name: "nowhere", kubeconfig: stringify(kubeconfig) }, admin.actor));
    expect(error.code).toBe("cluster_unreachable");
  });

  it("refuses a server whose certificate the kubeconfig's CA does not sign with cluster_tls_failed", async () => {
    const [first, second] = sandbox().clusters;
    const kubeconfig = parse(kubeconfigOf(first!));
    kubeconfig.clusters[0].cluster["certificate-authority-data"] = parse(kubeconfigOf(second!)).clusters[0].cluster["certificate-authority-data"];
    const error = await refusal(() => addCluster({ name: "wrong-ca", kubeconfig: stringify(kubeconfig), allowDuplicateServer: true }, admin.actor));
    expect(error.code).toBe("cluster_tls_failed");
  });

  it("refuses a second cluster with a name already taken, with conflict", async () => {
    const added = await register(sandbox().clusters[1]!, admin.actor);
    const error = await refusal(() => addCluster({ name: added.name, kubeconfig: kubeconfigOf(sandbox().clusters[1]!) }, admin.actor));
    expect(error.code).toBe("conflict");
  });

  it("audits a registration with the actor and never the kubeconfig", async () => {
    const added = await register(sandbox().clusters[1]!, admin.actor);
    const record = await db().auditEvent.findFirstOrThrow({ where: { action: "cluster.add", clusterId: added.id } });
    expect(record.actorName).toBe(admin.actor.name);
    expect(JSON.stringify(record, (_, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain(parse(kubeconfigOf(sandbox().clusters[1]!)).users[0].user.token);
    const stored = await db().cluster.findUniqueOrThrow({ where: { id: added.id } });
    expect(stored.kubeconfigEncrypted).toMatch(/^v1:/);
  });
});

describe("the clusters API", () => {
  it("refuses a request without authentication with 401 and stores nothing", async () => {
    const before = await storedState();
    const response = await call(addRoute, { method: "POST", path: "/api/clusters", body: { name: "anon", kubeconfig: kubeconfigOf(sandbox().clusters[0]!) } });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe("unauthenticated");
    expect(await storedState()).toEqual(before);
  });

  it("refuses an oversized body with 413 before reading it", async () => {
    const response = await call(addRoute, {
      method: "POST",
      path: "/api/clusters",
      headers: bearer(admin.token),
      body: { name: "huge", kubeconfig: "x".repeat(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(response.json.error.code).toBe("payload_too_large");
  });

  it("refuses a viewer who tries to register a cluster with 403", async () => {
    const viewer = await userActor("viewer");
    const response = await call(addRoute, { method: "POST", path: "/api/clusters", headers: bearer(viewer.token), body: { name: "v", kubeconfig: "x" } });
    expect(response.status).toBe(403);
  });

  it("answers a bad kubeconfig with 422 kubeconfig_invalid in the error shape", async () => {
    const response = await call(addRoute, { method: "POST", path: "/api/clusters", headers: bearer(admin.token), body: { name: "bad", kubeconfig: "{{{" } });
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ error: { code: "kubeconfig_invalid", message: expect.any(String) } });
  });

  it("registers over HTTP (201), then lists, shows, renames and removes the cluster", async () => {
    const cluster = sandbox().clusters[0]!;
    const created = await call(addRoute, {
      method: "POST",
      path: "/api/clusters",
      headers: { ...bearer(admin.token), origin: ORIGIN },
      body: { name: `http-${Date.now()}`, kubeconfig: kubeconfigOf(cluster), labels: { env: "staging" }, allowDuplicateServer: true },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.json).not.toHaveProperty("kubeconfig");
    const list = await call(listRoute, { headers: bearer(admin.token) });
    expect(list.json.map((c: { id: string }) => c.id)).toContain(id);
    const shown = await call(getRoute, { headers: bearer(admin.token), params: { id } });
    expect(shown.json).toMatchObject({ id, context: cluster.context, labels: { env: "staging" } });
    const objects = await waitFor("objects over HTTP", async () => {
      const response = await call(objectsRoute, { headers: bearer(admin.token), params: { id }, path: `/api/clusters/${id}/objects?kind=kustomization` });
      return response.json.length === 2 ? response.json : undefined;
    });
    expect(objects.map((o: { name: string }) => o.name).sort()).toEqual(["apps", "infra"]);
    const detail = await call(objectRoute, { headers: bearer(admin.token), params: { id, kind: "Kustomization", namespace: "flux-system", name: "apps" } });
    expect(detail.status).toBe(200);
    expect(detail.json.yaml).toContain("kind: Kustomization");
    expect(detail.json.yaml).not.toContain("managedFields");
    const renamed = await call(updateRoute, { method: "PATCH", headers: bearer(admin.token), params: { id }, body: { name: `renamed-${Date.now()}`, labels: { tier: "gold" } } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.labels).toEqual({ tier: "gold" });
    const removed = await call(removeRoute, { method: "DELETE", headers: bearer(admin.token), params: { id } });
    expect(removed.status).toBe(200);
    expect(await db().cluster.findUnique({ where: { id } })).toBeNull();
    const audit = await db().auditEvent.findMany({ where: { clusterId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["cluster.add", "cluster.update", "cluster.remove"]);
  });

  it("answers an unknown cluster id with 404, and a malformed one with 422 before any lookup", async () => {
    const unknown = await call(getRoute, { headers: bearer(admin.token), params: { id: "0190f2a0-0000-7000-8000-000000000000" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    for (const id of ["not-a-uuid", "'; drop table"]) {
      const response = await call(getRoute, { headers: bearer(admin.token), params: { id } });
      expect(response.status).toBe(422);
      expect(response.json.error).toMatchObject({ code: "validation_failed", details: [{ in: "path", path: "id" }] });
    }
  });
});

describe("the syncline CLI", () => {
  it("cluster add with a malformed kubeconfig exits non-zero with a clear message", async () => {
    const result = await syncline(["cluster", "add", "cli-bad", "--kubeconfig", "/dev/null"], { env: cliEnv() });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/syncline: The kubeconfig/);
  });

  it("cluster add registers a sandbox cluster, cluster list shows it and cluster remove forgets it", async () => {
    const cluster = sandbox().clusters[1]!;
    const name = `cli-${Date.now()}`;
    const added = await syncline(["cluster", "add", name, "--kubeconfig", cluster.kubeconfig, "--label", "env=production", "--allow-duplicate-server"], { env: cliEnv() });
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(`Added cluster "${name}"`);
    const listed = await syncline(["cluster", "list", "--json"], { env: cliEnv() });
    expect(JSON.parse(listed.stdout).map((c: { name: string }) => c.name)).toContain(name);
    const removed = await syncline(["cluster", "remove", name], { env: cliEnv() });
    expect(removed.status).toBe(0);
  });
});

function cliEnv(): Record<string, string> {
  return { DATABASE_URL: process.env.DATABASE_URL!, SYNCLINE_DB_POOL_SIZE: "1", SYNCLINE_SECRET_KEY: process.env.SYNCLINE_SECRET_KEY! };
}
