import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as objectRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/route";
import { GET as objectsRoute } from "@/app/api/clusters/[id]/objects/route";
import { GET as eventsRoute } from "@/app/api/events/route";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { kubectl, patchObject, type SandboxCluster } from "@/e2e/sandbox";
import { call, ORIGIN } from "../support/http";
import { bearer, forgetRegistered, registerConnectedSandboxCluster, userActor, waitFor } from "../support/sandbox-clusters";

const SECRET = "s3cret-value";
const LATER_SECRET = "s3cret-value-rotated";
/** A release of its own (its chart source does not exist, so Flux never installs it), so no other spec sees it change. */
const release = { kind: "HelmRelease", namespace: "flux-system", name: `values-${randomUUID().slice(0, 6)}` };

let admin: { actor: Actor; token: string };
let viewer: { token: string };
let operator: { token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;

beforeAll(async () => {
  ({ user: admin, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "admin"));
  viewer = await userActor("viewer");
  operator = await userActor("operator");
  // A client-side apply, as most people write it: kubectl keeps a copy of the object, values and all, in an annotation.
  const manifest = {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: release.kind,
    metadata: { name: release.name, namespace: release.namespace },
    spec: { interval: "60m", chartRef: { kind: "OCIRepository", name: "absent" }, values: { auth: { user: "app", password: SECRET } } },
  };
  await kubectl(sandboxCluster, ["apply", "-f", "-"], { input: JSON.stringify(manifest) });
  await waitFor("the release to reach the store", () => inventory().store.object(cluster.id, "HelmRelease", release.namespace, release.name));
});

afterAll(async () => {
  await kubectl(sandboxCluster, ["delete", "-n", release.namespace, "helmrelease", release.name, "--ignore-not-found", "--wait=false"]);
  await forgetRegistered(admin.actor);
});

const readObject = (token: string) => call(objectRoute, { headers: bearer(token), params: { id: cluster.id, ...release } });

/** Reads the live stream until it reports the release, and returns everything it sent. */
async function streamUntilReleaseChanges(token: string, change: () => Promise<unknown>): Promise<string> {
  const abort = new AbortController();
  const response = await eventsRoute(new Request(`${ORIGIN}/api/events?cluster=${cluster.id}`, { headers: { ...bearer(token), host: "syncline.test" }, signal: abort.signal }), {
    params: Promise.resolve({}),
  });
  const reader = response.body!.getReader();
  await change();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 30_000;
  while (!text.includes(`"name":"${release.name}"`) && Date.now() < deadline) text += decoder.decode((await reader.read()).value);
  abort.abort();
  expect(text).toContain(`"name":"${release.name}"`);
  return text;
}

describe("a HelmRelease's values, which often hold credentials", () => {
  it("are nowhere a viewer can read them: the object's YAML shows the keys with the values redacted, and neither the list nor the live stream carries them", async () => {
    const detail = await readObject(viewer.token);
    expect(detail.status).toBe(200);
    expect(detail.json.yaml).toMatch(/password: "?\[redacted\]"?/);
    expect(detail.json.yaml).toContain("kubectl.kubernetes.io/last-applied-configuration");
    expect(JSON.stringify(detail.json)).not.toContain(SECRET);

    const list = await call(objectsRoute, { headers: bearer(viewer.token), params: { id: cluster.id } });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).toContain(release.name);
    expect(JSON.stringify(list.json)).not.toContain(SECRET);

    const streamed = await streamUntilReleaseChanges(viewer.token, () => patchObject(sandboxCluster, release, { spec: { values: { auth: { password: LATER_SECRET } } } }));
    expect(streamed).not.toContain(LATER_SECRET);
    expect(JSON.stringify((await readObject(viewer.token)).json)).not.toContain(LATER_SECRET);
  });

  it("are shown as the cluster holds them to operators and admins, who run releases, and still redacted to a viewer", async () => {
    await patchObject(sandboxCluster, release, { spec: { values: { auth: { password: SECRET } } } });
    for (const token of [operator.token, admin.token]) {
      const detail = await waitFor("the object to show the current values", async () => {
        const answer = await readObject(token);
        return answer.json.yaml.includes(`password: ${SECRET}`) ? answer : undefined;
      });
      expect(detail.status).toBe(200);
    }
    expect(JSON.stringify((await readObject(viewer.token)).json)).not.toContain(SECRET);
  });

  it("are not kept in the stored snapshot, which outlives the cluster's copy", async () => {
    await inventory().flush();
    const snapshot = await db().fluxObjectSnapshot.findFirst({ where: { clusterId: cluster.id, kind: release.kind, name: release.name } });
    const stored = JSON.stringify(snapshot?.object);
    expect(stored).toContain("[redacted]");
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain(LATER_SECRET);
  });
});
