import { addHours, addMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { expireSuspensions, resumeCluster, setObjectAutoSync, suspendCluster } from "@/lib/autosync";
import { db } from "@/lib/db/client";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { getObject, type SandboxCluster } from "@/e2e/sandbox";
import { forgetRegistered, registerConnectedSandboxCluster, waitFor } from "../support/sandbox-clusters";

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;

const apps = { kind: "Kustomization", namespace: "flux-system", name: "apps" };
type Annotated = { spec: { suspend?: boolean }; metadata: { annotations?: Record<string, string> } };
const appsOnCluster = () => getObject<Annotated>(sandboxCluster, apps);
const infraOnCluster = () => getObject<Annotated>(sandboxCluster, { kind: "Kustomization", name: "infra" });
const openRows = () => db().suspension.findMany({ where: { clusterId: cluster.id, endedAt: null }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  ({ user: operator, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "operator"));
});

afterAll(async () => {
  await setObjectAutoSync(cluster.id, apps, { enabled: true }, operator.actor).catch(() => undefined);
  await resumeCluster(cluster.id, operator.actor).catch(() => undefined);
  await forgetRegistered(operator.actor);
});

describe("a whole-cluster suspension and per-object suspensions", () => {
  it("a new cluster suspension replaces the open one: exactly one stays open, and it names the one it replaced", async () => {
    await suspendCluster(cluster.id, { reason: "INC-1 first", until: addHours(new Date(), 1).toISOString() }, operator.actor);
    await suspendCluster(cluster.id, { reason: "INC-1 extended", until: addHours(new Date(), 3).toISOString() }, operator.actor);
    const rows = await db().suspension.findMany({ where: { clusterId: cluster.id, kind: "" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.reason, r.endedAt === null])).toEqual([
      ["INC-1 first", false],
      ["INC-1 extended", true],
    ]);
    expect(rows[0]!.supersededById).toBe(rows[1]!.id);
    await resumeCluster(cluster.id, operator.actor);
    expect(await openRows()).toEqual([]);
  });

  it("a switch that changes nothing gives the replaced suspension back, with its expiry", async () => {
    const until = addHours(new Date(), 2).toISOString();
    // Flux may be busy with the previous resume; the switch is repeated until it has landed everywhere.
    await waitFor("the switch to land on every object", async () => (await suspendCluster(cluster.id, { reason: "freeze", until }, operator.actor)).outcome === "success");
    const again = await suspendCluster(cluster.id, { reason: "freeze", until }, operator.actor);
    expect(again.results.map((r) => `${r.name}:${r.outcome}`)).toEqual(again.results.map((r) => `${r.name}:unchanged`));
    expect((await openRows()).map((r) => [r.reason, r.until?.toISOString()])).toEqual([["freeze", until]]);
    await resumeCluster(cluster.id, operator.actor);
  });

  it("the cluster's expiry leaves an object paused on its own until its own, later, expiry", async () => {
    const clusterUntil = addHours(new Date(), 1);
    const appsUntil = addHours(new Date(), 2);
    await setObjectAutoSync(cluster.id, apps, { enabled: false, reason: "migration review", until: appsUntil.toISOString() }, operator.actor);
    const off = await suspendCluster(cluster.id, { reason: "release freeze", until: clusterUntil.toISOString() }, operator.actor);
    expect(off.results.find((r) => r.name === "apps")).toMatchObject({ outcome: "unchanged", message: expect.stringContaining("paused on its own") });
    expect((await appsOnCluster()).metadata.annotations?.["syncline.io/suspend-reason"]).toBe("migration review");

    expect(await expireSuspensions(addMinutes(clusterUntil, 1))).toBe(1);
    expect((await infraOnCluster()).spec.suspend).toBeFalsy();
    const stillPaused = await appsOnCluster();
    expect(stillPaused.spec.suspend).toBe(true);
    expect(stillPaused.metadata.annotations?.["syncline.io/suspend-reason"]).toBe("migration review");
    expect((await openRows()).map((r) => [r.kind, r.name, r.until?.toISOString()])).toEqual([["Kustomization", "apps", appsUntil.toISOString()]]);
    const expiry = await db().auditEvent.findFirstOrThrow({ where: { clusterId: cluster.id, action: "autosync.expire", NOT: { outcome: "pending" } }, orderBy: { at: "desc" } });
    expect((expiry.results as Array<{ name: string; outcome: string; message?: string }>).find((r) => r.name === "apps")).toMatchObject({
      outcome: "skipped",
      message: expect.stringContaining("paused on its own"),
    });

    expect(await expireSuspensions(addMinutes(appsUntil, 1))).toBe(1);
    expect((await appsOnCluster()).spec.suspend).toBeFalsy();
    expect(await openRows()).toEqual([]);
  });

  it("an object's own expiry during a longer cluster suspension hands the object over to the cluster's pause", async () => {
    const appsUntil = addHours(new Date(), 1);
    const clusterUntil = addHours(new Date(), 2);
    await suspendCluster(cluster.id, { reason: "release freeze", until: clusterUntil.toISOString() }, operator.actor);
    await setObjectAutoSync(cluster.id, apps, { enabled: false, reason: "migration review", until: appsUntil.toISOString() }, operator.actor);

    expect(await expireSuspensions(addMinutes(appsUntil, 1))).toBe(1);
    const handedOver = await appsOnCluster();
    expect(handedOver.spec.suspend).toBe(true);
    expect(handedOver.metadata.annotations).toMatchObject({ "syncline.io/suspend-reason": "release freeze", "syncline.io/suspended-until": clusterUntil.toISOString() });
    expect((await openRows()).map((r) => [r.kind, r.reason])).toEqual([["", "release freeze"]]);

    expect(await expireSuspensions(addMinutes(clusterUntil, 1))).toBe(1);
    expect((await appsOnCluster()).spec.suspend).toBeFalsy();
    expect((await infraOnCluster()).spec.suspend).toBeFalsy();
    expect(await openRows()).toEqual([]);
  });

  it("turning the cluster back on says what it does to an object paused on its own: it stays paused", async () => {
    await setObjectAutoSync(cluster.id, apps, { enabled: false, reason: "migration review" }, operator.actor);
    await suspendCluster(cluster.id, { reason: "incident" }, operator.actor);
    const on = await resumeCluster(cluster.id, operator.actor);
    expect(on.outcome).toBe("success");
    expect(on.results.find((r) => r.name === "apps")).toMatchObject({ outcome: "skipped", message: expect.stringMatching(/paused on its own by .*; it stays paused/) });
    expect((await appsOnCluster()).spec.suspend).toBe(true);
    expect((await openRows()).map((r) => r.kind)).toEqual(["Kustomization"]);
    await setObjectAutoSync(cluster.id, apps, { enabled: true }, operator.actor);
  });
});
