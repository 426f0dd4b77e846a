import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as clusterAutoSync } from "@/app/api/clusters/[id]/auto-sync/route";
import { GET as resumePreviewRoute } from "@/app/api/clusters/[id]/resume-preview/route";
import type { Actor } from "@/lib/auth/actor";
import { resumeCluster } from "@/lib/autosync";
import { db } from "@/lib/db/client";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { SUSPENDED_UNTIL } from "@/lib/k8s/resources";
import { createPausePolicy } from "@/lib/pause-policies";
import { commitChange, getObject, gitRevision, requestReconcile, type SandboxCluster } from "@/e2e/sandbox";
import { call } from "../support/http";
import { bearer, forgetRegistered, registerConnectedSandboxCluster, sandbox, userActor, waitFor } from "../support/sandbox-clusters";

const run = randomUUID().slice(0, 8);
let operator: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;

beforeAll(async () => {
  ({ user: operator, sandboxCluster, cluster } = await registerConnectedSandboxCluster(1, "operator"));
  // A label of this run's own, so the policy matches no other spec's clusters.
  await db().cluster.update({ where: { id: cluster.id }, data: { labels: { ...cluster.labels, "policy-run": run } } });
  const admin = await userActor("admin");
  await createPausePolicy({ selector: `policy-run=${run}`, requireReason: true, defaultExpiryMinutes: 90, maxExpiryMinutes: 240 }, admin.actor);
});

afterAll(async () => {
  await resumeCluster(cluster.id, operator.actor).catch(() => undefined);
  await db().pausePolicy.deleteMany({ where: { selector: `policy-run=${run}` } });
  await forgetRegistered(operator.actor);
});

describe("a pause under a policy with a default expiry", () => {
  it("that names no expiry gets the policy's default, written on the objects and kept for the expiry worker", async () => {
    const before = Date.now();
    const off = await call(clusterAutoSync, { method: "PUT", headers: bearer(operator.token), params: { id: cluster.id }, body: { enabled: false, reason: "INC-2142" } });
    expect(off.status).toBe(200);
    expect(off.json.outcome).toBe("success");

    const suspension = await db().suspension.findFirstOrThrow({ where: { clusterId: cluster.id, kind: "", endedAt: null } });
    const expected = before + 90 * 60_000;
    expect(suspension.until!.getTime()).toBeGreaterThanOrEqual(expected);
    expect(suspension.until!.getTime()).toBeLessThan(expected + 60_000);
    const apps = await getObject<{ metadata: { annotations: Record<string, string> } }>(sandboxCluster, { kind: "Kustomization", name: "apps" });
    expect(new Date(apps.metadata.annotations[SUSPENDED_UNTIL]!).getTime()).toBe(suspension.until!.getTime());
  });

  it("resuming is previewed first: each reconciler whose source fetched a commit during the pause shows fetched and applied", async () => {
    const sha = await commitChange(sandbox(), {
      author: { name: "Maria Lindqvist", email: "maria.lindqvist@acme-shop.io" },
      message: "notes: resume preview",
      files: { [`apps/policy-notes/${run}.txt`]: `resume preview ${run}\n` },
    });
    await requestReconcile(sandboxCluster, { kind: "GitRepository", name: "fleet" });
    await waitFor("the source to fetch the commit", () => inventory().store.objectSummary(cluster.id, "GitRepository", "flux-system", "fleet")?.revision === gitRevision(sha), 90_000);

    const preview = await call(resumePreviewRoute, { headers: bearer(operator.token), params: { id: cluster.id } });
    expect(preview.status).toBe(200);
    expect(preview.json.resumes.map((r: { kind: string; name: string }) => `${r.kind}/${r.name}`).sort()).toEqual(["HelmRelease/podinfo", "HelmRelease/status-page", "Kustomization/apps", "Kustomization/infra"]);
    expect(preview.json.waiting).toContainEqual({
      kind: "Kustomization",
      namespace: "flux-system",
      name: "apps",
      source: { kind: "GitRepository", namespace: "flux-system", name: "fleet" },
      fetched: gitRevision(sha),
      applied: expect.stringMatching(/^main@sha1:/),
    });
    expect(preview.json.staysPaused).toEqual([]);
    // A preview changes nothing.
    expect(inventory().store.clusterSummary(cluster.id)?.autoSync.state).toBe("off");
  });
});
