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

  it("dates a commit that leaves a Kustomization's manifests alone by the run that applied it, and a relist or a restart keeps that date", () => {
    const store = new SnapshotStore();
    store.upsertCluster(record);
    store.replaceList("c1", "Kustomization", [applied("1", "main@sha1:old", "2026-12-01T15:38:00Z")]);
    expect(store.objectSummary("c1", "Kustomization", "flux-system", "apps")!.lastAppliedAt).toBe(FIRST_RECONCILED);

    store.applyEvent("c1", "Kustomization", { type: "MODIFIED", object: applied("2", "main@sha1:new", "2026-12-01T15:43:19Z") });
    expect(store.objectSummary("c1", "Kustomization", "flux-system", "apps")!.lastAppliedAt).toBe("2026-12-01T15:43:19Z");

    // Flux reconciles again on its interval; the revision and its date stay.
    store.replaceList("c1", "Kustomization", [applied("3", "main@sha1:new", "2026-12-01T15:53:19Z")]);
    expect(store.objectSummary("c1", "Kustomization", "flux-system", "apps")!.lastAppliedAt).toBe("2026-12-01T15:43:19Z");

    const restarted = new SnapshotStore();
    restarted.upsertCluster(record);
    restarted.replaceList("c1", "Kustomization", JSON.parse(JSON.stringify(store.objects("c1", "Kustomization"))) as FluxObject[]);
    restarted.replaceList("c1", "Kustomization", [applied("4", "main@sha1:new", "2026-12-01T16:03:19Z")]);
    expect(restarted.objectSummary("c1", "Kustomization", "flux-system", "apps")!.lastAppliedAt).toBe("2026-12-01T15:43:19Z");
  });

  it("dates a new revision by when it was seen applied when the object keeps no history, never by its Ready condition", () => {
    const store = new SnapshotStore();
    store.upsertCluster(record);
    const withoutHistory = (resourceVersion: string, revision: string): FluxObject => ({
      ...ks("apps", resourceVersion),
      status: { conditions: [{ type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: "ok", lastTransitionTime: "2026-12-01T15:00:00Z" }], lastAppliedRevision: revision },
    });
    store.replaceList("c1", "Kustomization", [withoutHistory("1", "main@sha1:old")]);
    expect(store.objectSummary("c1", "Kustomization", "flux-system", "apps")!.lastAppliedAt).toBeNull();
    const before = new Date().toISOString();
    store.applyEvent("c1", "Kustomization", { type: "MODIFIED", object: withoutHistory("2", "main@sha1:new") });
    const seen = store.objectSummary("c1", "Kustomization", "flux-system", "apps")!.lastAppliedAt!;
    expect(seen >= before && seen <= new Date().toISOString()).toBe(true);
  });
});

const FIRST_RECONCILED = "2026-12-01T15:36:23Z";

/** A Kustomization as kustomize-controller reports it when every revision builds the same manifests: one relabelled history entry. */
function applied(resourceVersion: string, revision: string, lastReconciled: string): FluxObject {
  return {
    ...ks("apps", resourceVersion),
    status: {
      conditions: [{ type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: `Applied revision: ${revision}`, lastTransitionTime: FIRST_RECONCILED }],
      lastAppliedRevision: revision,
      history: [{ digest: "sha256:a", firstReconciled: FIRST_RECONCILED, lastReconciled, lastReconciledStatus: "ReconciliationSucceeded", metadata: { revision } }],
    },
  };
}
