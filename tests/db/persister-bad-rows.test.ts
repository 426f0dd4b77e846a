import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { SnapshotPersister, type SyncEventRow } from "@/lib/inventory/snapshot-persister";
import type { FluxObject } from "@/lib/k8s/resources";
import { log } from "@/lib/log/logger";

let clusterId: string;

beforeAll(async () => {
  ({ id: clusterId } = await db().cluster.create({
    data: { name: `bad-rows-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed" },
  }));
});

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  await db().cluster.delete({ where: { id: clusterId } });
});

function syncEvent(eventUid: string, message: string, count = 1): SyncEventRow {
  const seen = new Date("2026-05-04T10:00:00Z");
  return { clusterId, eventUid, kind: "Kustomization", namespace: "flux-system", name: "apps", type: "Warning", reason: "BuildFailed", message, revision: null, count, firstSeen: seen, lastSeen: seen };
}

function kustomization(name: string, message: string): FluxObject {
  return {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name, namespace: "flux-system", uid: `uid-${name}`, resourceVersion: "7" },
    status: { conditions: [{ type: "Ready", status: "False", reason: "BuildFailed", message, lastTransitionTime: "2026-05-04T10:00:00Z" }] },
  } as FluxObject;
}

const storedMessage = async (eventUid: string) => (await db().syncEvent.findFirst({ where: { clusterId, eventUid } }))?.message;

describe("the persister and rows PostgreSQL rejects", () => {
  it("stores an event message holding a NUL character with it escaped as \\u0000, and every other event beside it", async () => {
    const persister = new SnapshotPersister(60_000);
    persister.event(syncEvent("before", "kustomize build failed"));
    persister.event(syncEvent("nul", "accumulating resources: \u0000 in file"));
    persister.event(syncEvent("after", "kustomize build failed again"));
    await persister.flush();

    expect(await storedMessage("before")).toBe("kustomize build failed");
    expect(await storedMessage("nul")).toBe("accumulating resources: \\u0000 in file");
    expect(await storedMessage("after")).toBe("kustomize build failed again");

    persister.event(syncEvent("later", "reconciliation succeeded"));
    await persister.flush();
    expect(await storedMessage("later")).toBe("reconciliation succeeded");
  });

  it("stores an object whose status quotes a NUL character, escaped, with the other objects", async () => {
    const persister = new SnapshotPersister(60_000);
    persister.object({ clusterId, kind: "Kustomization", namespace: "flux-system", name: "nul-status", object: kustomization("nul-status", "bad byte \u0000 here"), previous: null });
    persister.object({ clusterId, kind: "Kustomization", namespace: "flux-system", name: "plain-status", object: kustomization("plain-status", "ok"), previous: null });
    await persister.flush();

    const snapshot = await db().fluxObjectSnapshot.findFirst({ where: { clusterId, name: "nul-status" } });
    expect((snapshot?.object as unknown as FluxObject | undefined)?.status?.conditions?.[0]?.message).toBe("bad byte \\u0000 here");
    expect(await db().fluxObjectSnapshot.count({ where: { clusterId, name: "plain-status" } })).toBe(1);
  });

  it("sets aside a row that still fails, logging it once with its key, and goes on storing later writes", async () => {
    const warn = vi.spyOn(log, "warn");
    const persister = new SnapshotPersister(60_000);
    // An int column cannot hold this count: PostgreSQL rejects the row whatever its batch.
    persister.event(syncEvent("overflow", "repeated", 2 ** 31));
    for (let i = 0; i < 20; i++) persister.event(syncEvent(`neighbour-${i}`, `event ${i}`));
    await persister.flush();

    expect(await storedMessage("overflow")).toBeUndefined();
    expect(await db().syncEvent.count({ where: { clusterId, eventUid: { startsWith: "neighbour-" } } })).toBe(20);
    const setAside = warn.mock.calls.filter(([fields]) => JSON.stringify(fields).includes(`${clusterId}/overflow`));
    expect(setAside).toHaveLength(1);

    persister.event(syncEvent("next", "next event"));
    await persister.flush();
    await persister.flush();
    expect(await storedMessage("next")).toBe("next event");
    expect(warn.mock.calls.filter(([fields]) => JSON.stringify(fields).includes(`${clusterId}/overflow`))).toHaveLength(1);
  });
});
