import { afterEach, describe, expect, it } from "vitest";
import type { Cluster, ClusterSource } from "../db/generated/client";
import { toClusterRecord } from "../inventory/cluster-record";
import { inventory } from "../inventory";
import type { FluxObject } from "../k8s/resources";
import { rolloutState } from "./rollout-state";
import { specHash } from "./source-objects-on-cluster";

const cluster = { id: "0190a0a0-0000-7000-8000-0000000000c1", name: "eu-1", server: "https://eu-1", context: "eu-1", kubeconfigEncrypted: "", labels: {}, fluxVersion: null, capabilities: {}, health: "connected", healthMessage: null, lastSeenAt: null, createdAt: new Date(), updatedAt: new Date() } as Cluster;
const definition = { name: "shop", namespace: "flux-system" };
const ready = (status: "True" | "False", message = "") => [{ type: "Ready", status, reason: status === "True" ? "Succeeded" : "Failed", message }];

function gitRepository(status: Record<string, unknown> = {}, spec: Record<string, unknown> = { interval: "5m", url: "https://git.example.com/fleet", ref: { branch: "main" } }): FluxObject {
  return { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", metadata: { name: "shop", namespace: "flux-system", generation: 1, uid: "g", resourceVersion: "1" }, spec, status: { observedGeneration: 1, ...status } } as FluxObject;
}
function kustomization(status: Record<string, unknown> = {}, spec: Record<string, unknown> = { interval: "5m", path: "./clusters/eu", prune: true, sourceRef: { kind: "GitRepository", name: "shop" } }): FluxObject {
  return { apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", metadata: { name: "shop", namespace: "flux-system", generation: 1, uid: "k", resourceVersion: "1" }, spec, status: { observedGeneration: 1, ...status } } as FluxObject;
}
function row(overrides: Partial<ClusterSource> = {}): ClusterSource {
  return { id: "r", clusterId: cluster.id, sourceId: "s", desiredHash: "h", appliedHash: "h", liveSpecHash: specHash(gitRepository(), kustomization()), state: "applied", message: null, renderedPath: "./clusters/eu", attempts: 0, retryAt: null, appliedAt: new Date(), createdAt: new Date(), updatedAt: new Date(), ...overrides };
}
function live(health: Cluster["health"], objects: { git?: FluxObject; kustomization?: FluxObject }) {
  const store = inventory().store;
  store.upsertCluster({ ...toClusterRecord(cluster), health });
  store.replaceList(cluster.id, "GitRepository", objects.git ? [objects.git] : []);
  store.replaceList(cluster.id, "Kustomization", objects.kustomization ? [objects.kustomization] : []);
}

afterEach(() => inventory().store.removeCluster(cluster.id));

describe("a cluster's rollout state", () => {
  it("follows Flux: applied, then fetched, then reconciled at the revision", () => {
    live("connected", { git: gitRepository(), kustomization: kustomization() });
    expect(rolloutState(row(), cluster, definition)).toEqual({ state: "applied", message: null, revision: null });
    live("connected", { git: gitRepository({ artifact: { revision: "main@sha1:abc" }, conditions: ready("True") }), kustomization: kustomization() });
    expect(rolloutState(row(), cluster, definition)).toEqual({ state: "fetched", message: null, revision: "main@sha1:abc" });
    live("connected", { git: gitRepository({ artifact: { revision: "main@sha1:abc" }, conditions: ready("True") }), kustomization: kustomization({ lastAppliedRevision: "main@sha1:abc", conditions: ready("True") }) });
    expect(rolloutState(row(), cluster, definition)).toEqual({ state: "reconciled", message: null, revision: "main@sha1:abc" });
  });

  it("is failing with Flux's message when the Kustomization fails", () => {
    live("connected", { git: gitRepository({ artifact: { revision: "main@sha1:abc" }, conditions: ready("True") }), kustomization: kustomization({ conditions: ready("False", "kustomization path not found") }) });
    expect(rolloutState(row(), cluster, definition)).toMatchObject({ state: "failing", message: "Kustomization: kustomization path not found" });
  });

  it("differs when someone changed the spec by hand or deleted an object, but not when auto-sync suspended it", () => {
    live("connected", { git: gitRepository({}, { interval: "7m", url: "https://git.example.com/fleet", ref: { branch: "main" } }), kustomization: kustomization() });
    expect(rolloutState(row(), cluster, definition).state).toBe("differs");
    live("connected", { git: gitRepository() });
    expect(rolloutState(row(), cluster, definition).state).toBe("differs");
    live("connected", { git: gitRepository(), kustomization: kustomization({}, { interval: "5m", path: "./clusters/eu", prune: true, sourceRef: { kind: "GitRepository", name: "shop" }, suspend: true }) });
    expect(rolloutState(row(), cluster, definition).state).toBe("applied");
  });

  it("is unreachable, never a Flux state, while the cluster is down; pending rows say so too", () => {
    live("unreachable", { git: gitRepository({ artifact: { revision: "main@sha1:abc" }, conditions: ready("True") }), kustomization: kustomization({ lastAppliedRevision: "main@sha1:abc", conditions: ready("True") }) });
    expect(rolloutState(row(), cluster, definition).state).toBe("unreachable");
    expect(rolloutState(row({ state: "pending", message: "The cluster cannot be reached" }), cluster, definition)).toMatchObject({ state: "unreachable", message: "The cluster cannot be reached" });
  });

  it("shows Syncline's own failures and removals before anything the cluster says", () => {
    live("connected", { git: gitRepository(), kustomization: kustomization() });
    expect(rolloutState(row({ state: "failed", message: "forbidden: no" }), cluster, definition)).toEqual({ state: "failed", message: "forbidden: no", revision: null });
    expect(rolloutState(row({ state: "removing" }), cluster, definition).state).toBe("removing");
  });
});
