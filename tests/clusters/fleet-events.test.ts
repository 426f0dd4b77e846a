import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "@/app/api/events/route";
import type { Actor } from "@/lib/auth/actor";
import { getObjectDetail } from "@/lib/clusters";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { inventory } from "@/lib/inventory";
import { kubectl, requestReconcile, type SandboxCluster } from "@/e2e/sandbox";
import { ORIGIN } from "../support/http";
import { bearer, forgetRegistered, registerConnectedSandboxCluster, waitFor } from "../support/sandbox-clusters";

let admin: { actor: Actor; token: string };
let cluster: ClusterDetail;
let sandboxCluster: SandboxCluster;

beforeAll(async () => {
  ({ user: admin, sandboxCluster, cluster } = await registerConnectedSandboxCluster(0, "admin"));
});

afterAll(async () => {
  await forgetRegistered(admin.actor);
});

describe("live fleet updates", () => {
  it("streams a change to a Flux object as a server-sent event for that cluster", async () => {
    const abort = new AbortController();
    const response = await eventsRoute(new Request(`${ORIGIN}/api/events?cluster=${cluster.id}`, { headers: { ...bearer(admin.token), host: "syncline.test" }, signal: abort.signal }), {
      params: Promise.resolve({}),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const marker = `m${Date.now()}`;
    await kubectl(sandboxCluster, ["annotate", "--overwrite", "-n", "flux-system", "kustomization", "apps", `syncline-test/marker=${marker}`]);
    let text = "";
    const decoder = new TextDecoder();
    const deadline = Date.now() + 20_000;
    while (!text.includes("event: object\n") && Date.now() < deadline) text += decoder.decode((await reader.read()).value);
    abort.abort();
    const block = text.split("\n\n").find((b) => b.startsWith("event: object"))!;
    const event = JSON.parse(block.split("\n")[1]!.slice("data: ".length));
    expect(event).toMatchObject({ type: "object", clusterId: cluster.id, object: { kind: "Kustomization", name: "apps" } });
  });

  it("keeps Flux's events about an object and shows them with its conditions and YAML", async () => {
    await requestReconcile(sandboxCluster, { kind: "GitRepository", name: "fleet" });
    const detail = await waitFor("events about the GitRepository to be stored", async () => {
      await inventory().flush();
      const found = await getObjectDetail(cluster.id, "GitRepository", "flux-system", "fleet", "admin");
      return found.events.length > 0 ? found : undefined;
    });
    expect(detail.conditions.map((c) => c.type)).toContain("Ready");
    expect(detail.events[0]).toMatchObject({ type: expect.any(String), reason: expect.any(String), message: expect.any(String) });
    expect(detail.yaml).toContain("name: fleet");
    expect(detail.yaml).not.toContain("managedFields");
  });
});
