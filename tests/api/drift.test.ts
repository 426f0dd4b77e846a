import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as objectDriftRoute } from "@/app/api/clusters/[id]/drift/[kind]/[namespace]/[name]/route";
import { POST as refreshRoute } from "@/app/api/clusters/[id]/drift/refresh/route";
import { GET as clusterDriftRoute } from "@/app/api/clusters/[id]/drift/route";
import { GET as resumePreviewRoute } from "@/app/api/clusters/[id]/resume-preview/route";
import { GET as historyRoute } from "@/app/api/drift/history/route";
import { GET as fleetDriftRoute } from "@/app/api/drift/route";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { db } from "@/lib/db/client";
import type { ComputedClusterDrift } from "@/lib/drift";
import { storeDriftReport } from "@/lib/drift";
import { inventory } from "@/lib/inventory";
import { SUSPENDED_AT, SUSPENDED_BY } from "@/lib/k8s/resources";
import { clusterDrift, driftSummary, objectDrift } from "@/lib/schemas/drift";
import { resumePreview } from "@/lib/schemas/resume-preview";
import type { DriftedObject, RevisionDrift } from "@/lib/schemas/drift";
import { call } from "../support/http";
import { newUser } from "../support/users";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let viewer: Record<string, string>;
let operator: Record<string, string>;
const created: string[] = [];

beforeAll(async () => {
  viewer = bearer(await (await newUser("viewer")).token());
  operator = bearer(await (await newUser("operator")).token());
});

afterAll(async () => {
  await db().cluster.deleteMany({ where: { id: { in: created } } });
});

/** A registered cluster as the database holds it, tracked by this process's store as its watches would show it. */
async function cluster(health: "connected" | "unreachable" = "connected") {
  const row = await db().cluster.create({
    data: {
      name: `drift-${randomUUID().slice(0, 8)}`,
      server: "https://127.0.0.1:6443",
      context: "default",
      kubeconfigEncrypted: "sealed",
      health,
      healthMessage: health === "unreachable" ? "connection refused" : null,
    },
  });
  created.push(row.id);
  await inventory().ready();
  inventory().track(row);
  return row;
}

const apps = { kind: "Kustomization", namespace: "flux-system", name: "apps" };

const scaled: DriftedObject = {
  reconciler: apps,
  apiVersion: "apps/v1",
  kind: "Deployment",
  namespace: "podinfo",
  name: "podinfo",
  change: "modified",
  fields: [{ path: "spec.replicas", desired: 2, live: 5, manager: "kubectl", operation: "Update", changedAt: "2026-12-01T14:02:00Z", handChange: true }],
  handChange: true,
  since: null,
  fix: "flux reconcile kustomization apps -n flux-system --with-source",
};

const deletedRole: DriftedObject = { ...scaled, apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", namespace: "", name: "podinfo-reader", change: "missing", fields: [], handChange: false };

const oneBehind: RevisionDrift = {
  reconciler: apps,
  source: { kind: "GitRepository", namespace: "flux-system", name: "fleet" },
  url: "https://git.example/fleet.git",
  ref: "branch main",
  gitHead: "b".repeat(40),
  gitHeadError: null,
  fetched: `main@sha1:${"b".repeat(40)}`,
  applied: `main@sha1:${"a".repeat(40)}`,
  lag: "paused",
  behind: 1,
  commits: [{ sha: "b".repeat(40), author: "Ann", email: "ann@example.com", committedAt: "2026-12-01T13:00:00Z", message: "podinfo: 3 replicas" }],
  failingSince: null,
  failingMessage: null,
};

/** A computation as the engine hands it to the collector. */
function computed(clusterId: string, objects: DriftedObject[], at: Date, revisions: RevisionDrift[] = []): ComputedClusterDrift {
  const compared = [
    { reconciler: apps, apiVersion: "apps/v1", kind: "Deployment", namespace: "podinfo", name: "podinfo" },
    { reconciler: apps, apiVersion: "v1", kind: "ConfigMap", namespace: "podinfo", name: "podinfo-config" },
    { reconciler: apps, apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", namespace: "", name: "podinfo-reader" },
  ];
  return {
    drift: {
      clusterId,
      state: objects.length > 0 ? "drifted" : "in-sync",
      drifted: objects.length,
      total: compared.length,
      handChanges: objects.filter((o) => o.handChange).length,
      behind: revisions.length ? 1 : 0,
      computedAt: at.toISOString(),
      stale: false,
      staleReason: null,
      computing: false,
      reconcilers: [{ reconciler: apps, mode: "dry-run", total: compared.length, drifted: objects.length, error: null, helmDrifted: null }],
      revisions,
      objects,
    },
    compared,
    sides: Object.fromEntries(objects.map((o) => [`${o.kind}/${o.namespace}/${o.name}`, { desired: { spec: { replicas: 2 } }, live: { spec: { replicas: 5 } } }])),
  };
}

const noAttribution = async () => null;
const getDrift = (id: string, headers = viewer) => call(clusterDriftRoute, { headers, params: { id } });
const getObject = (params: Record<string, string>) => call(objectDriftRoute, { headers: viewer, params });

describe("a cluster's drift", () => {
  it("is unknown and stale, never in sync, until the collector has computed it", async () => {
    const row = await cluster();
    const answer = await getDrift(row.id);
    expect(answer.status).toBe(200);
    expect(clusterDrift.parse(answer.json)).toMatchObject({ clusterId: row.id, state: "unknown", stale: true, computedAt: null, objects: [] });
  });

  it("is served from the last computation, each drifted object with its fields, managers and since when", async () => {
    const row = await cluster();
    const at = new Date("2026-12-01T14:05:00Z");
    await storeDriftReport(computed(row.id, [scaled], at), noAttribution, at);

    const answer = await getDrift(row.id);
    expect(answer.status).toBe(200);
    const drift = clusterDrift.parse(answer.json);
    expect(drift).toMatchObject({ state: "drifted", drifted: 1, total: 3, handChanges: 1, stale: false, computedAt: at.toISOString() });
    expect(drift.objects).toEqual([{ ...scaled, since: at.toISOString() }]);

    const fleet = await call(fleetDriftRoute, { headers: viewer });
    expect(fleet.status).toBe(200);
    expect(driftSummary.array().parse(fleet.json)).toContainEqual(expect.objectContaining({ clusterId: row.id, state: "drifted", drifted: 1, total: 3 }));
    expect(fleet.json.find((summary: { clusterId: string }) => summary.clusterId === row.id)).not.toHaveProperty("objects");
  });

  it("is unknown and stale with the reason for a cluster that is down, even when its last report was in sync", async () => {
    const row = await cluster("unreachable");
    const at = new Date();
    await storeDriftReport(computed(row.id, [], at), noAttribution, at);

    const drift = clusterDrift.parse((await getDrift(row.id)).json);
    expect(drift).toMatchObject({ state: "unknown", stale: true, staleReason: expect.stringContaining("connection refused") });
    const fleet = await call(fleetDriftRoute, { headers: viewer });
    expect(fleet.json.find((summary: { clusterId: string }) => summary.clusterId === row.id)).toMatchObject({ state: "unknown", stale: true });
  });

  it("answers 404 with a code for an unknown cluster, and 422 for an id that is not one", async () => {
    const unknown = await getDrift(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    expect((await getDrift("not-a-uuid")).status).toBe(422);
  });
});

describe("one object's drift", () => {
  it("shows a drifted object of any kind with both sides and its history", async () => {
    const row = await cluster();
    const at = new Date("2026-12-01T14:05:00Z");
    await storeDriftReport(computed(row.id, [scaled, deletedRole], at), noAttribution, at);

    const answer = await getObject({ id: row.id, kind: "Deployment", namespace: "podinfo", name: "podinfo" });
    expect(answer.status).toBe(200);
    expect(objectDrift.parse(answer.json)).toMatchObject({
      state: "drifted",
      reconciler: apps,
      desired: { spec: { replicas: 2 } },
      live: { spec: { replicas: 5 } },
      drift: { fields: [expect.objectContaining({ path: "spec.replicas", manager: "kubectl" })] },
      history: [expect.objectContaining({ appearedAt: at.toISOString(), correctedAt: null, fields: ["spec.replicas"], managers: ["kubectl"] })],
    });

    const clusterScoped = await getObject({ id: row.id, kind: "ClusterRole", namespace: "_", name: "podinfo-reader" });
    expect(clusterScoped.status).toBe(200);
    expect(clusterScoped.json).toMatchObject({ namespace: "", state: "drifted", drift: { change: "missing" } });

    const inSync = await getObject({ id: row.id, kind: "ConfigMap", namespace: "podinfo", name: "podinfo-config" });
    expect(inSync.json).toMatchObject({ state: "in-sync", drift: null, desired: null, live: null, history: [] });
  });

  it("answers 404 with a code for an object no reconciler holds, and 422 for a kind, namespace or name that cannot be one", async () => {
    const row = await cluster();
    const at = new Date();
    await storeDriftReport(computed(row.id, [scaled], at), noAttribution, at);

    const unknown = await getObject({ id: row.id, kind: "Deployment", namespace: "podinfo", name: "nobody" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: "not_found", message: expect.stringContaining("nobody") });
    for (const params of [
      { kind: "Deploy/ment", namespace: "podinfo", name: "podinfo" },
      { kind: "../secrets", namespace: "podinfo", name: "podinfo" },
      { kind: "Deployment", namespace: "Pod_Info", name: "podinfo" },
      { kind: "Deployment", namespace: "podinfo", name: "Pod Info" },
    ]) {
      const bad = await getObject({ id: row.id, ...params });
      expect(bad.status, JSON.stringify(params)).toBe(422);
      expect(bad.json.error.code).toBe("validation_failed");
    }
  });
});

describe("asking for a recompute", () => {
  it("is recorded for the leader by an operator, from any replica, and answered 202", async () => {
    const row = await cluster();
    const answer = await call(refreshRoute, { method: "POST", headers: { ...operator, origin: "http://syncline.test" }, params: { id: row.id } });
    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ clusterId: row.id, requestedAt: expect.any(String) });
    expect((await db().driftReport.findUnique({ where: { clusterId: row.id } }))?.refreshRequestedAt?.toISOString()).toBe(answer.json.requestedAt);
    expect(clusterDrift.parse((await getDrift(row.id)).json).computing).toBe(true);
  });

  it("is refused to a viewer, and 404 for an unknown cluster, writing nothing", async () => {
    const row = await cluster();
    expect((await call(refreshRoute, { method: "POST", headers: viewer, params: { id: row.id } })).status).toBe(403);
    const unknownId = randomUUID();
    const unknown = await call(refreshRoute, { method: "POST", headers: operator, params: { id: unknownId } });
    expect(unknown.status).toBe(404);
    expect(await db().driftReport.count({ where: { clusterId: { in: [row.id, unknownId] } } })).toBe(0);
  });
});

describe("drift history", () => {
  it("opens one episode per drifted object however often drift is recomputed, and closes it with who corrected it", async () => {
    const row = await cluster();
    const appeared = new Date("2026-12-01T14:05:00Z");
    for (const minutes of [0, 1, 2]) {
      const at = new Date(appeared.getTime() + minutes * 60_000);
      await storeDriftReport(computed(row.id, [scaled], at), noAttribution, at);
    }
    const corrected = new Date("2026-12-01T14:20:00Z");
    await storeDriftReport(computed(row.id, [], corrected), async () => "flux", corrected);

    const page = await call(historyRoute, { headers: viewer, path: `/api/drift/history?cluster=${row.id}` });
    expect(page.status).toBe(200);
    expect(page.json).toEqual({
      items: [
        expect.objectContaining({
          cluster: { id: row.id, name: row.name },
          object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "podinfo", name: "podinfo" },
          appearedAt: appeared.toISOString(),
          correctedAt: corrected.toISOString(),
          correctedBy: "flux",
        }),
      ],
      nextCursor: null,
    });
    expect(clusterDrift.parse((await getDrift(row.id)).json)).toMatchObject({ state: "in-sync", objects: [] });
  });

  it("keeps an episode open while its reconciler cannot be computed", async () => {
    const row = await cluster();
    const at = new Date("2026-12-01T14:05:00Z");
    await storeDriftReport(computed(row.id, [scaled], at), noAttribution, at);
    const failing = computed(row.id, [], new Date("2026-12-01T14:10:00Z"));
    failing.drift.reconcilers = [{ ...failing.drift.reconcilers[0]!, error: "flux build failed" }];
    await storeDriftReport(failing, async () => "flux", new Date("2026-12-01T14:10:00Z"));

    expect(await db().driftEpisode.findMany({ where: { clusterId: row.id }, select: { correctedAt: true } })).toEqual([{ correctedAt: null }]);
  });

  it("pages newest first with a cursor and filters by time; a bad cursor or time is 422", async () => {
    const row = await cluster();
    const base = new Date("2026-11-01T10:00:00Z");
    for (let i = 0; i < 3; i++) {
      const at = new Date(base.getTime() + i * 3_600_000);
      await storeDriftReport(computed(row.id, [{ ...scaled, name: `web-${i}` }], at), noAttribution, at);
    }
    const first = await call(historyRoute, { headers: viewer, path: `/api/drift/history?cluster=${row.id}&limit=2` });
    expect(first.json.items.map((e: { object: { name: string } }) => e.object.name)).toEqual(["web-2", "web-1"]);
    const second = await call(historyRoute, { headers: viewer, path: `/api/drift/history?cluster=${row.id}&limit=2&cursor=${first.json.nextCursor}` });
    expect(second.json).toEqual({ items: [expect.objectContaining({ object: expect.objectContaining({ name: "web-0" }) })], nextCursor: null });
    const bounded = await call(historyRoute, { headers: viewer, path: `/api/drift/history?cluster=${row.id}&from=2026-11-01T10:30:00Z&to=2026-11-01T11:30:00Z` });
    expect(bounded.json.items.map((e: { object: { name: string } }) => e.object.name)).toEqual(["web-1"]);

    for (const query of ["cursor=garbage", "from=yesterday", "cluster=nope", "limit=0"]) {
      const bad = await call(historyRoute, { headers: viewer, path: `/api/drift/history?${query}` });
      expect(bad.status, query).toBe(422);
    }
  });
});

describe("the resume preview", () => {
  it("lists the hand changes the resume will revert and the commits it will apply, from the cached drift", async () => {
    const row = await cluster();
    const at = new Date("2026-12-01T14:05:00Z");
    await storeDriftReport(computed(row.id, [scaled], at, [oneBehind]), noAttribution, at);
    const suspended = {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: "apps", namespace: "flux-system", resourceVersion: "1", annotations: { [SUSPENDED_BY]: "alice", [SUSPENDED_AT]: at.toISOString() } },
      spec: { suspend: true, sourceRef: { kind: "GitRepository", name: "fleet" } },
    };
    inventory().store.replaceList(row.id, "Kustomization", [suspended]);

    const answer = await call(resumePreviewRoute, { headers: viewer, params: { id: row.id } });
    expect(answer.status).toBe(200);
    expect(resumePreview.parse(answer.json)).toMatchObject({
      resumes: [apps],
      handChanges: [{ ...scaled, since: at.toISOString() }],
      newCommits: [{ reconciler: apps, behind: 1, commits: oneBehind.commits }],
      driftState: "drifted",
      driftComputedAt: at.toISOString(),
    });
  });
});

describe("the OpenAPI document", () => {
  it("describes every drift route with its response schema", async () => {
    const document = (await call(openApiRoute)).json;
    const responseOf = (path: string, method: string, status = "200") => document.paths[path]?.[method]?.responses?.[status]?.content?.["application/json"]?.schema;
    for (const path of ["/api/drift", "/api/drift/history", "/api/clusters/{id}/drift", "/api/clusters/{id}/drift/{kind}/{namespace}/{name}"]) {
      expect(responseOf(path, "get"), path).toBeDefined();
    }
    expect(responseOf("/api/clusters/{id}/drift/refresh", "post", "202")).toBeDefined();
    expect(JSON.stringify(responseOf("/api/clusters/{id}/resume-preview", "get"))).toContain("handChanges");
  });
});
