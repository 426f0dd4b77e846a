import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit/route";
import type { Actor } from "@/lib/auth/actor";
import { resumeCluster, suspendCluster } from "@/lib/autosync";
import { listAuditEvents } from "@/lib/audit";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { call } from "../support/http";
import { bearer, connected, forgetRegistered, register, sandbox, startTestInventory, userActor } from "../support/sandbox-clusters";

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;

beforeAll(async () => {
  await startTestInventory();
  operator = await userActor("operator");
  cluster = await register(sandbox().clusters[1]!, operator.actor);
  await connected(cluster.id);
  await suspendCluster(cluster.id, { reason: "audit, \"quoted\"" }, operator.actor);
  await resumeCluster(cluster.id, operator.actor);
});

afterAll(async () => {
  await forgetRegistered(operator.actor);
});

describe("the audit trail", () => {
  it("lists a cluster's records newest first, filtered by action and actor", async () => {
    const response = await call(auditRoute.GET, { headers: bearer(operator.token), path: `/api/audit?cluster=${cluster.id}` });
    expect(response.status).toBe(200);
    expect(response.json.items.map((e: { action: string }) => e.action)).toEqual(["autosync.enable", "autosync.disable", "cluster.add"]);
    const disables = await listAuditEvents({ cluster: cluster.id, action: "autosync.disable", actor: operator.actor.name });
    expect(disables.items).toHaveLength(1);
    expect(disables.items[0]).toMatchObject({ reason: 'audit, "quoted"', actorName: operator.actor.name });
    expect((await listAuditEvents({ cluster: cluster.id, actor: "someone-else" })).items).toEqual([]);
  });

  it("pages with a cursor without repeating or skipping records", async () => {
    const first = await listAuditEvents({ cluster: cluster.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listAuditEvents({ cluster: cluster.id, limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.action)).toEqual(["cluster.add"]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by time", async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await listAuditEvents({ cluster: cluster.id, from: future })).items).toEqual([]);
    expect((await listAuditEvents({ cluster: cluster.id, to: future })).items).toHaveLength(3);
  });

  it("exports CSV with one line per record", async () => {
    const response = await auditRoute.GET(
      new Request(`http://syncline.test/api/audit?format=csv&cluster=${cluster.id}`, { headers: { ...bearer(operator.token), host: "syncline.test" } }),
      { params: Promise.resolve({}) },
    );
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("at,actor_type,actor,action,cluster,target,reason,outcome,objects,request_id,client_ip");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('"audit, ""quoted"""');
  });

  it("refuses a cursor it did not issue with 422", async () => {
    const response = await call(auditRoute.GET, { headers: bearer(operator.token), path: "/api/audit?cursor=garbage" });
    expect(response.status).toBe(422);
  });

  it("offers no way to change or delete a record", () => {
    expect(Object.keys(auditRoute)).toEqual(["GET"]);
  });

  it("refuses anonymous readers", async () => {
    expect((await call(auditRoute.GET, { path: "/api/audit" })).status).toBe(401);
  });
});
