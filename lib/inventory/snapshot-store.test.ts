import { describe, expect, it } from "vitest";
import type { FleetEvent } from "../fleet/dto";
import type { FluxObject } from "../k8s/resources";
import { SnapshotStore, type ClusterRecord } from "./snapshot-store";

const record: ClusterRecord = {
  id: "c1",
  name: "prod",
  server: "https://prod",
  context: "prod",
  labels: { env: "prod" },
  fluxVersion: null,
  capabilities: { kubernetesVersion: null, controllers: [], permissions: { list: true, watch: true, patch: true }, authMethod: "token" },
  createdAt: "2026-11-26T00:00:00.000Z",
  health: "connected",
  healthMessage: null,
  lastSeenAt: null,
};

const ks = (name: string, resourceVersion: string, suspend = false): FluxObject => ({
  metadata: { name, namespace: "flux-system", resourceVersion },
  spec: { suspend },
  status: { conditions: [{ type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: "ok" }] },
});

describe("snapshot store", () => {
  it("summarises a cluster's objects and its auto-sync as paused N of M", () => {
    const store = new SnapshotStore();
    store.upsertCluster(record);
    store.replaceList("c1", "Kustomization", [ks("a", "1"), ks("b", "2", true), ks("c", "3")]);
    const summary = store.clusterSummary("c1")!;
    expect(summary.counts).toEqual({ ready: 2, failing: 0, progressing: 0, suspended: 1, total: 3 });
    expect(summary.autoSync).toEqual({ state: "mixed", suspended: 1, total: 3 });
  });

  it("an unreachable cluster keeps its last-known objects, marked stale", () => {
    const store = new SnapshotStore();
    store.upsertCluster(record);
    store.replaceList("c1", "Kustomization", [ks("a", "1")]);
    store.updateRecord("c1", { health: "unreachable", healthMessage: "down" });
    expect(store.listObjects("c1")).toEqual([expect.objectContaining({ name: "a", stale: true })]);
    store.updateRecord("c1", { health: "connected", healthMessage: null });
    expect(store.listObjects("c1")[0]!.stale).toBe(false);
  });

  it("publishes object and cluster events to subscribers, and nothing for a replayed event", () => {
    const store = new SnapshotStore();
    const events: FleetEvent[] = [];
    store.upsertCluster(record);
    store.subscribe((event) => events.push(event));
    store.applyEvent("c1", "Kustomization", { type: "ADDED", object: ks("a", "5") });
    expect(events.map((e) => e.type)).toEqual(["object", "cluster"]);
    store.applyEvent("c1", "Kustomization", { type: "MODIFIED", object: ks("a", "4", true) });
    expect(events).toHaveLength(2);
    store.applyEvent("c1", "Kustomization", { type: "DELETED", object: ks("a", "6") });
    expect(events[2]).toEqual({ type: "object-removed", clusterId: "c1", ref: { kind: "Kustomization", namespace: "flux-system", name: "a" } });
  });
});
