import { describe, expect, it } from "vitest";
import type { ClusterDetail, ClusterSummary, FluxObjectDetail, FluxObjectSummary } from "@/lib/fleet/dto";
import { applyToClusterDetail, applyToClusterList, applyToObjectDetail, applyToObjectList } from "./apply-fleet-event";

const cluster = (id: string, extra: Partial<ClusterSummary> = {}): ClusterSummary => ({
  id,
  name: id,
  server: `https://${id}.example:6443`,
  labels: {},
  health: "connected",
  healthMessage: null,
  lastSeenAt: "2026-01-01T00:00:00Z",
  fluxVersion: "v2.6.0",
  counts: { ready: 3, failing: 0, progressing: 0, suspended: 0, total: 3 },
  autoSync: { state: "on", suspended: 0, total: 3 },
  suspension: null,
  lastApplied: null,
  ...extra,
});

const object = (name: string, extra: Partial<FluxObjectSummary> = {}): FluxObjectSummary => ({
  kind: "Kustomization",
  namespace: "flux-system",
  name,
  state: "ready",
  retrying: false,
  readyStatus: "True",
  reason: "ReconciliationSucceeded",
  message: null,
  revision: "main@sha1:abc",
  lastAppliedAt: null,
  suspended: false,
  suspension: null,
  sourceRef: null,
  stale: false,
  ...extra,
});

describe("applyToClusterList", () => {
  it("shows a cluster's new health in place, keeping the fleet's order", () => {
    const list = [cluster("a"), cluster("b"), cluster("c")];
    const next = applyToClusterList(list, [{ type: "cluster", cluster: cluster("b", { health: "unreachable" }) }]);
    expect(next?.map((c) => [c.id, c.health])).toEqual([
      ["a", "connected"],
      ["b", "unreachable"],
      ["c", "connected"],
    ]);
    expect(list[1]!.health).toBe("connected");
  });

  it("adds a cluster registered elsewhere and drops one removed elsewhere", () => {
    const next = applyToClusterList([cluster("a"), cluster("b")], [
      { type: "cluster-removed", clusterId: "a" },
      { type: "cluster", cluster: cluster("new") },
    ]);
    expect(next?.map((c) => c.id)).toEqual(["b", "new"]);
  });

  it("keeps the same list when a batch holds only object events, so nothing re-renders", () => {
    const list = [cluster("a")];
    expect(applyToClusterList(list, [{ type: "object", clusterId: "a", object: object("apps") }])).toBe(list);
  });

  it("applies the last of several events for one cluster in a batch", () => {
    const next = applyToClusterList([cluster("a")], [
      { type: "cluster", cluster: cluster("a", { autoSync: { state: "mixed", suspended: 1, total: 3 } }) },
      { type: "cluster", cluster: cluster("a", { autoSync: { state: "off", suspended: 3, total: 3 } }) },
    ]);
    expect(next?.[0]?.autoSync.state).toBe("off");
  });

  it("does nothing before the list has loaded", () => {
    expect(applyToClusterList(undefined, [{ type: "cluster", cluster: cluster("a") }])).toBeUndefined();
  });
});

describe("applyToClusterDetail", () => {
  const detail: ClusterDetail = {
    ...cluster("a"),
    context: "kind-a",
    createdAt: "2026-01-01T00:00:00Z",
    capabilities: { kubernetesVersion: "v1.33.0", controllers: [], permissions: { list: true, watch: true, patch: true }, authMethod: "token" },
  };

  it("updates the summary fields and keeps what only the detail holds", () => {
    const next = applyToClusterDetail(detail, [{ type: "cluster", cluster: cluster("a", { health: "degraded" }) }]);
    expect(next?.health).toBe("degraded");
    expect(next?.context).toBe("kind-a");
  });

  it("returns null for a cluster removed while its page is open", () => {
    expect(applyToClusterDetail(detail, [{ type: "cluster-removed", clusterId: "a" }])).toBeNull();
  });

  it("ignores other clusters' events", () => {
    expect(applyToClusterDetail(detail, [{ type: "cluster", cluster: cluster("b") }])).toBe(detail);
  });
});

describe("applyToObjectList", () => {
  it("shows an object suspended elsewhere as suspended, touching only its own cluster's list", () => {
    const list = [object("apps"), object("infra")];
    const suspended = object("infra", { state: "suspended", suspended: true });
    expect(applyToObjectList("a", list, [{ type: "object", clusterId: "a", object: suspended }])?.[1]?.state).toBe("suspended");
    expect(applyToObjectList("b", list, [{ type: "object", clusterId: "a", object: suspended }])).toBe(list);
  });

  it("matches objects by kind, namespace and name, so same-named objects of other kinds stay", () => {
    const list = [object("podinfo"), object("podinfo", { kind: "HelmRelease" })];
    const next = applyToObjectList("a", list, [{ type: "object-removed", clusterId: "a", ref: { kind: "HelmRelease", namespace: "flux-system", name: "podinfo" } }]);
    expect(next?.map((o) => o.kind)).toEqual(["Kustomization"]);
  });

  // How fast this is, is measured by `npm run bench` ("Applying live updates"), not asserted here.
  it("applies a batch of 1,000 changes to a list of 10,000 objects in place, keeping every other object as it was", () => {
    const list = Array.from({ length: 10_000 }, (_, i) => object(`o-${i}`));
    const events = Array.from({ length: 1_000 }, (_, i) => ({ type: "object" as const, clusterId: "a", object: object(`o-${i * 10}`, { state: "failing" as const }) }));
    const next = applyToObjectList("a", list, events)!;
    expect(next.map((o) => o.name)).toEqual(list.map((o) => o.name));
    expect(next.filter((o) => o.state === "failing").map((o) => o.name)).toEqual(events.map((e) => e.object.name));
    // Untouched objects keep their identity, so their rows do not re-render.
    expect(next.filter((o, i) => i % 10 !== 0 && o !== list[i])).toHaveLength(0);
  });
});

describe("applyToObjectDetail", () => {
  const detail: FluxObjectDetail = { ...object("apps"), conditions: [], events: [], managedObjects: null, yaml: "kind: Kustomization" };

  it("merges the new state and keeps conditions, events and YAML", () => {
    const next = applyToObjectDetail("a", detail, [{ type: "object", clusterId: "a", object: object("apps", { state: "failing" }) }]);
    expect(next?.state).toBe("failing");
    expect(next?.yaml).toBe("kind: Kustomization");
  });

  it("returns null when the object or its cluster goes away", () => {
    expect(applyToObjectDetail("a", detail, [{ type: "object-removed", clusterId: "a", ref: detail }])).toBeNull();
    expect(applyToObjectDetail("a", detail, [{ type: "cluster-removed", clusterId: "a" }])).toBeNull();
  });
});
