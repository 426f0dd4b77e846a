import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { expireSuspensions, resumeCluster, setObjectAutoSync, startExpiryWorker, suspendCluster } from "@/lib/autosync";
import { listAuditEvents } from "@/lib/audit";
import { db } from "@/lib/db/client";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { getObject, startApiserver, stopApiserver, type SandboxCluster } from "@/e2e/sandbox";
import { connected, forgetRegistered, registerConnectedSandboxCluster, waitFor } from "../support/sandbox-clusters";

let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;
let worker: { stop(): void };

beforeAll(async () => {
  worker = startExpiryWorker(300);
  ({ user: operator, sandboxCluster, cluster } = await registerConnectedSandboxCluster(1, "operator"));
});

afterAll(async () => {
  worker.stop();
  await resumeCluster(cluster.id, operator.actor).catch(() => undefined);
  await forgetRegistered(operator.actor);
});

describe("suspension expiry", () => {
  it("a cluster suspension resumes by itself when it expires, audited as the system actor", async () => {
    const until = new Date(Date.now() + 3_000).toISOString();
    const off = await suspendCluster(cluster.id, { reason: "deploy window", until }, operator.actor);
    expect(off.outcome).toBe("success");
    const apps = await getObject<{ metadata: { annotations: Record<string, string> } }>(sandboxCluster, { kind: "Kustomization", name: "apps" });
    expect(apps.metadata.annotations["syncline.io/suspended-until"]).toBe(until);
    expect(inventory().store.clusterSummary(cluster.id)?.autoSync.state).toBe("off");

    await waitFor("the expired suspension to resume", () => inventory().store.clusterSummary(cluster.id)?.autoSync.state === "on", 30_000);
    // The switch shows "on" as soon as the patches land; the expiry's record is complete just after.
    const expired = await waitFor("the expiry's audit record", async () =>
      (await listAuditEvents({ cluster: cluster.id, action: "autosync.expire" })).items.find((e) => e.outcome !== "pending"),
    );
    expect(expired).toMatchObject({ actorType: "system", actorName: "system", outcome: "success" });
    expect(expired.results?.every((r) => r.outcome === "changed")).toBe(true);
    const row = await db().suspension.findFirstOrThrow({ where: { clusterId: cluster.id, reason: "deploy window" } });
    expect(row.endedAt).not.toBeNull();
    expect(row.endedBy).toBe("system");
  });

  it("a suspension of one object expires on its own, leaving the rest of the cluster alone", async () => {
    const infra = { kind: "Kustomization", namespace: "flux-system", name: "infra" };
    const apps = { kind: "Kustomization", namespace: "flux-system", name: "apps" };
    await setObjectAutoSync(cluster.id, apps, { enabled: false, reason: "until the migration is reviewed" }, operator.actor);
    try {
      await setObjectAutoSync(cluster.id, infra, { enabled: false, until: new Date(Date.now() + 2_000).toISOString() }, operator.actor);
      expect(inventory().store.objectSummary(cluster.id, "Kustomization", "flux-system", "infra")?.state).toBe("suspended");
      await waitFor("infra to resume", () => inventory().store.objectSummary(cluster.id, "Kustomization", "flux-system", "infra")?.suspended === false, 30_000);
      // The audit record is written once the expiry has done everything it does.
      const expired = await waitFor("the audit record", async () =>
        (await listAuditEvents({ cluster: cluster.id, action: "autosync.expire" })).items.find((e) => e.target?.name === "infra" && e.outcome !== "pending"),
      );
      expect(expired.actorType).toBe("system");
      expect(expired.results).toEqual([{ ...infra, outcome: "changed" }]);

      // apps, suspended without an expiry, and the untouched HelmRelease stay as they were.
      const appsOnCluster = await getObject<{ spec: { suspend?: boolean }; metadata: { annotations?: Record<string, string> } }>(sandboxCluster, apps);
      expect(appsOnCluster.spec.suspend).toBe(true);
      expect(appsOnCluster.metadata.annotations?.["syncline.io/suspend-reason"]).toBe("until the migration is reviewed");
      expect(inventory().store.objectSummary(cluster.id, "Kustomization", "flux-system", "apps")?.state).toBe("suspended");
      const release = await getObject<{ spec: { suspend?: boolean } }>(sandboxCluster, { kind: "HelmRelease", namespace: "flux-system", name: "podinfo" });
      expect(release.spec.suspend).not.toBe(true);
      expect(inventory().store.clusterSummary(cluster.id)?.autoSync).toEqual({ state: "mixed", suspended: 1, total: 4 });
    } finally {
      await setObjectAutoSync(cluster.id, apps, { enabled: true }, operator.actor);
    }
  });

  it("an expired suspension on a cluster that cannot be reached stays in force and is retried with backoff, not on every tick", async () => {
    await suspendCluster(cluster.id, { reason: "outage drill", until: new Date(Date.now() + 1_000).toISOString() }, operator.actor);
    const suspension = () => db().suspension.findFirstOrThrow({ where: { clusterId: cluster.id, reason: "outage drill" } });
    const failedExpiries = async () =>
      (await listAuditEvents({ cluster: cluster.id, action: "autosync.expire" })).items.filter((e) => e.outcome === "failure").length;
    await stopApiserver(sandboxCluster);
    try {
      await waitFor("the first failed attempt", async () => (await suspension()).attempts === 1, 30_000);
      // The worker ticks every 300 ms here; a few seconds of ticks must not repeat the attempt.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const waiting = await suspension();
      expect(waiting).toMatchObject({ attempts: 1, endedAt: null });
      expect(waiting.retryAt!.getTime() - Date.now()).toBeGreaterThan(20_000);
      expect(await failedExpiries()).toBe(1);
    } finally {
      await startApiserver(sandboxCluster);
    }
    await connected(cluster.id);

    expect(await expireSuspensions(new Date((await suspension()).retryAt!.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await suspension()).toMatchObject({ endedBy: "system", endedAt: expect.any(Date) });
    const apps = await getObject<{ spec: { suspend?: boolean } }>(sandboxCluster, { kind: "Kustomization", name: "apps" });
    expect(apps.spec.suspend).toBeFalsy();
    const [latest] = (await listAuditEvents({ cluster: cluster.id, action: "autosync.expire" })).items;
    expect(latest).toMatchObject({ actorType: "system", outcome: "success" });
  });
});
