import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { SnapshotPersister } from "@/lib/inventory/snapshot-persister";
import type { FluxObject } from "@/lib/k8s/resources";

let clusterId: string;

beforeAll(async () => {
  ({ id: clusterId } = await db().cluster.create({
    data: { name: `persisted-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed" },
  }));
});

afterAll(async () => {
  await db().cluster.delete({ where: { id: clusterId } });
});

function kustomization(name: string, resourceVersion: string): FluxObject {
  return {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name, namespace: "flux-system", uid: `uid-${name}`, resourceVersion },
  } as FluxObject;
}

/** Makes every write to the snapshot table fail for the duration of `body`, as an outage would. */
async function whileSnapshotsCannotBeWritten(body: () => Promise<void>): Promise<void> {
  await db().$executeRawUnsafe(`ALTER TABLE "FluxObjectSnapshot" RENAME TO "FluxObjectSnapshotAway"`);
  try {
    await body();
  } finally {
    await db().$executeRawUnsafe(`ALTER TABLE "FluxObjectSnapshotAway" RENAME TO "FluxObjectSnapshot"`);
  }
}

const stored = (name: string) => db().fluxObjectSnapshot.findFirst({ where: { clusterId, name } });

describe("persisting the live inventory", () => {
  it("keeps the changes of a write that failed, and stores them with the next one", async () => {
    const persister = new SnapshotPersister(60_000);
    persister.object({ clusterId, kind: "Kustomization", namespace: "flux-system", name: "apps", object: kustomization("apps", "10"), previous: null });
    persister.object({ clusterId, kind: "Kustomization", namespace: "flux-system", name: "infra", object: kustomization("infra", "11"), previous: null });

    await whileSnapshotsCannotBeWritten(async () => {
      await persister.flush();
      // A change that arrives during the outage replaces the one that could not be written.
      persister.object({ clusterId, kind: "Kustomization", namespace: "flux-system", name: "apps", object: kustomization("apps", "12"), previous: null });
    });
    expect(await db().fluxObjectSnapshot.count({ where: { clusterId } })).toBe(0);

    await persister.flush();
    expect(await stored("apps")).toMatchObject({ resourceVersion: "12" });
    expect(await stored("infra")).toMatchObject({ resourceVersion: "11" });
  });
});
