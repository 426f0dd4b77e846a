import { describe, expect, it } from "vitest";
import { autoSyncDecisions } from "../autosync/auto-sync-decisions";
import type { KubeClient } from "./client";
import { KubeError } from "./kube-error";
import { patchFluxObjects } from "./patch-flux-objects";
import { Kustomization, type FluxObject } from "./resources";

const object = (resourceVersion: string, spec: Record<string, unknown> = {}): FluxObject => ({
  metadata: { name: "apps", namespace: "flux-system", resourceVersion },
  spec,
});

/** A client whose PATCH answers come from a script, recording what was sent. */
function scriptedClient(patchAnswers: Array<FluxObject | KubeError>, current: FluxObject) {
  const sent: unknown[] = [];
  const client = {
    cluster: "test",
    server: "https://test",
    authMethod: "token",
    async request(method: string, _path: string, options?: { body?: unknown }) {
      if (method === "GET") return current;
      sent.push(options?.body);
      const answer = patchAnswers.shift()!;
      if (answer instanceof KubeError) throw answer;
      return answer;
    },
    watch: async () => undefined,
  } as unknown as KubeClient;
  return { client, sent };
}

const conflict = () => new KubeError({ status: 409, cluster: "test", reason: "conflict", message: "test: the object has been modified" });
const decide = autoSyncDecisions.suspend({ by: "maria", reason: null, until: null, at: new Date("2026-11-26T12:00:00Z") });

describe("patching Flux objects", () => {
  it("sends the resourceVersion it decided on, so a concurrent change is not overwritten", async () => {
    const { client, sent } = scriptedClient([object("11", { suspend: true })], object("10"));
    const results = await patchFluxObjects(client, [{ model: Kustomization, object: object("10") }], decide, () => undefined);
    expect(results).toEqual([{ kind: "Kustomization", namespace: "flux-system", name: "apps", outcome: "changed" }]);
    expect(sent[0]).toMatchObject({ metadata: { resourceVersion: "10" }, spec: { suspend: true } });
  });

  it("after a conflict re-reads the object and retries once", async () => {
    const { client, sent } = scriptedClient([conflict(), object("13", { suspend: true })], object("12"));
    const [result] = await patchFluxObjects(client, [{ model: Kustomization, object: object("10") }], decide, () => undefined);
    expect(result!.outcome).toBe("changed");
    expect(sent.map((body) => (body as { metadata: { resourceVersion: string } }).metadata.resourceVersion)).toEqual(["10", "12"]);
  });

  it("retries a few conflicts, then reports failed: conflict rather than retrying forever", async () => {
    const { client, sent } = scriptedClient([conflict(), conflict(), conflict(), conflict()], object("12"));
    const [result] = await patchFluxObjects(client, [{ model: Kustomization, object: object("10") }], decide, () => undefined);
    expect(result).toMatchObject({ outcome: "failed", message: expect.stringMatching(/^conflict: /) });
    expect(sent).toHaveLength(4);
  });

  it("does not patch when the re-read object already has the change", async () => {
    const suspended = object("12", { suspend: true });
    suspended.metadata.annotations = { "syncline.io/suspended-at": "2026-11-26T11:00:00.000Z" };
    const { client, sent } = scriptedClient([conflict()], suspended);
    const [result] = await patchFluxObjects(client, [{ model: Kustomization, object: object("10") }], decide, () => undefined);
    expect(result!.outcome).toBe("unchanged");
    expect(sent).toHaveLength(1);
  });

  it("hands each written object to the caller, so the store shows it before the watch does", async () => {
    const written: FluxObject[] = [];
    const { client } = scriptedClient([object("11", { suspend: true })], object("10"));
    await patchFluxObjects(client, [{ model: Kustomization, object: object("10") }], decide, (_model, o) => written.push(o));
    expect(written[0]).toMatchObject({ kind: "Kustomization", apiVersion: Kustomization.apiVersion, metadata: { resourceVersion: "11" } });
  });
});
