import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as historyRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/history/route";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { db } from "@/lib/db/client";
import { pageOf } from "@/lib/fleet/dto";
import { syncRecord } from "@/lib/schemas/timeline";
import { createSyncRecordWriter } from "@/lib/sync-history";
import { call } from "../support/http";
import { newUser } from "../support/users";

let viewer: Record<string, string>;
let clusterId: string;
let clusterName: string;

beforeAll(async () => {
  viewer = { authorization: `Bearer ${await (await newUser("viewer")).token()}` };
  ({ id: clusterId, name: clusterName } = await db().cluster.create({
    data: { name: `history-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed" },
  }));
  const writer = createSyncRecordWriter();
  const step = { clusterId, kind: "Kustomization", namespace: "flux-system", name: "apps", sourceKind: "GitRepository", sourceNamespace: "flux-system", sourceName: "fleet", sourceUrl: "http://git.example/fleet.git", oncePerRevision: false };
  writer.add([
    { ...step, phase: "fetched", kind: "GitRepository", name: "fleet", revision: "main@sha1:aaa", message: "stored artifact", at: new Date("2026-12-01T10:00:00Z"), reconstructed: false },
    { ...step, phase: "applied", revision: "main@sha1:aaa", message: "Applied revision: main@sha1:aaa", at: new Date("2026-12-01T10:00:02Z"), reconstructed: true },
    { ...step, phase: "failed", revision: "main@sha1:bbb", message: "HealthCheckFailed: timeout", at: new Date("2026-12-01T11:00:00Z"), reconstructed: false },
    { ...step, phase: "applied", revision: "main@sha1:ccc", message: "Applied revision: main@sha1:ccc", at: new Date("2026-12-01T12:00:00Z"), reconstructed: false },
  ]);
  await writer.stop();
});

afterAll(async () => {
  await db().cluster.delete({ where: { id: clusterId } });
});

const history = (params: Record<string, string>, query = "") =>
  call(historyRoute, { headers: viewer, params, path: `/api/clusters/${params.id}/objects/${params.kind}/${params.namespace}/${params.name}/history${query}` });

describe("GET /api/clusters/{id}/objects/{kind}/{namespace}/{name}/history", () => {
  it("serves one object's steps newest first with Flux's times in ISO, paged by cursor and filtered by phase", async () => {
    const apps = { id: clusterId, kind: "kustomizations", namespace: "flux-system", name: "apps" };
    const first = await history(apps, "?limit=2");
    expect(first.status).toBe(200);
    const page = pageOf(syncRecord).parse(first.json);
    expect(page.items.map((item) => [item.phase, item.revision, item.at])).toEqual([
      ["applied", "main@sha1:ccc", "2026-12-01T12:00:00.000Z"],
      ["failed", "main@sha1:bbb", "2026-12-01T11:00:00.000Z"],
    ]);
    expect(page.items[1]).toMatchObject({ clusterId, clusterName, object: { kind: "Kustomization", namespace: "flux-system", name: "apps" }, message: "HealthCheckFailed: timeout", reconstructed: false });
    const rest = await history(apps, `?limit=2&cursor=${page.nextCursor}`);
    expect(rest.json).toMatchObject({ items: [{ revision: "main@sha1:aaa", phase: "applied", reconstructed: true, source: { kind: "GitRepository", name: "fleet", url: "http://git.example/fleet.git" } }], nextCursor: null });

    const applied = await history(apps, "?phase=applied");
    expect(applied.json.items.map((item: { revision: string }) => item.revision)).toEqual(["main@sha1:ccc", "main@sha1:aaa"]);
    const fetched = await history({ ...apps, kind: "GitRepository", name: "fleet" });
    expect(fetched.json.items).toHaveLength(1);
  });

  it("answers an object with no recorded steps with an empty page, and an unknown cluster with 404", async () => {
    expect((await history({ id: clusterId, kind: "HelmRelease", namespace: "flux-system", name: "nothing-yet" })).json).toEqual({ items: [], nextCursor: null });
    const unknown = await history({ id: randomUUID(), kind: "Kustomization", namespace: "flux-system", name: "apps" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
  });

  it("refuses a kind that is not Flux's, a bad name, phase, limit or cursor with 422 and a code", async () => {
    const apps = { id: clusterId, kind: "Kustomization", namespace: "flux-system", name: "apps" };
    for (const [params, query] of [
      [{ ...apps, kind: "Deployment" }, ""],
      [{ ...apps, name: "Not A Name" }, ""],
      [{ ...apps, id: "not-a-uuid" }, ""],
      [apps, "?phase=deployed"],
      [apps, "?limit=0"],
      [apps, "?cursor=bm90LWEtY3Vyc29y"],
    ] as const) {
      const bad = await history(params, query);
      expect(bad.status, `${JSON.stringify(params)} ${query}`).toBe(422);
      expect(bad.json.error.code).toBe("validation_failed");
    }
  });

  it("is in the OpenAPI document with its response schema", async () => {
    const doc = (await call(openApiRoute, { path: "/api/openapi.json" })).json;
    const operation = doc.paths["/api/clusters/{id}/objects/{kind}/{namespace}/{name}/history"].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["id", "kind", "namespace", "name", "phase", "cursor", "limit"]));
    expect(operation.responses["200"].content["application/json"].schema).toBeDefined();
  });
});
