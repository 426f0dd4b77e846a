import { describe, expect, it } from "vitest";
import type { FluxObject } from "../k8s/resources";
import type { DriftedObject, RevisionDrift } from "../schemas/drift";
import { computeClusterDrift, RECONCILERS_AT_ONCE, type DriftEngine } from "./compute-cluster-drift";
import type { DriftContext } from "./drift-context";
import type { ReconcilerDriftResult } from "./reconciler-drift-result";
import { NOT_GIT } from "./revision-drift";

const kustomization = (name: string): FluxObject => ({ metadata: { name, namespace: "flux-system" }, spec: { sourceRef: { kind: "GitRepository", name: "fleet" } } });

function context(kustomizations: FluxObject[], helmReleases: FluxObject[] = []): DriftContext {
  return {
    clusterId: "0193a4f0-0000-7000-8000-000000000001",
    clusterName: "staging-1",
    client: {} as DriftContext["client"],
    objectsOf: (kind) => (kind === "Kustomization" ? kustomizations : kind === "HelmRelease" ? helmReleases : []),
    fluxCli: "/usr/local/bin/flux",
    kubeconfig: () => "",
    checkout: () => Promise.reject(new Error("not used")),
  };
}

const scaled = (reconciler: string): DriftedObject => ({
  reconciler: { kind: "Kustomization", namespace: "flux-system", name: reconciler },
  apiVersion: "apps/v1",
  kind: "Deployment",
  namespace: "staging",
  name: `${reconciler}-web`,
  change: "modified",
  fields: [{ path: "spec.replicas", desired: 1, live: 3, manager: "kubectl-scale", operation: "Update", changedAt: null, handChange: true }],
  handChange: true,
  since: null,
  fix: "",
});

function result(object: FluxObject, drifted: DriftedObject[] = []): ReconcilerDriftResult {
  const reconciler = { kind: "Kustomization", namespace: "flux-system", name: object.metadata.name };
  return {
    summary: { reconciler, mode: "dry-run", total: 2, drifted: drifted.length, error: null, helmDrifted: null },
    objects: drifted,
    sides: drifted.map(() => ({ desired: { spec: { replicas: 1 } }, live: { spec: { replicas: 3 } } })),
    compared: [
      { apiVersion: "apps/v1", kind: "Deployment", namespace: "staging", name: `${object.metadata.name}-web` },
      { apiVersion: "v1", kind: "ConfigMap", namespace: "staging", name: `${object.metadata.name}-config` },
    ],
  };
}

function revision(object: FluxObject, change: Partial<RevisionDrift> = {}): RevisionDrift {
  return {
    reconciler: { kind: "Kustomization", namespace: "flux-system", name: object.metadata.name },
    source: null,
    url: "http://git.example/fleet.git",
    ref: "branch main",
    gitHead: "a".repeat(40),
    gitHeadError: null,
    fetched: null,
    applied: null,
    lag: "in-sync",
    behind: 0,
    commits: [],
    failingSince: null,
    failingMessage: null,
    ...change,
  };
}

const engine = (overrides: Partial<DriftEngine> = {}): DriftEngine => ({
  kustomization: async (_, object) => result(object),
  helmRelease: async (_, object) => result(object),
  revision: async (_, __, object) => revision(object),
  ...overrides,
});

const at = () => new Date("2026-12-01T14:00:00Z");

describe("a cluster's drift", () => {
  it("is in sync only when every reconciler and revision was computed and nothing differs", async () => {
    const { drift, compared } = await computeClusterDrift(context([kustomization("infra"), kustomization("apps")]), engine(), at);
    expect(drift).toMatchObject({ state: "in-sync", drifted: 0, total: 4, behind: 0, stale: false, staleReason: null, computedAt: "2026-12-01T14:00:00.000Z" });
    expect(compared).toContainEqual({ apiVersion: "v1", kind: "ConfigMap", namespace: "staging", name: "apps-config", reconciler: { kind: "Kustomization", namespace: "flux-system", name: "apps" } });
  });

  it("lists every drifted object with its sides, counting hand changes", async () => {
    const { drift, sides } = await computeClusterDrift(context([kustomization("apps")]), engine({ kustomization: async (_, object) => result(object, [scaled("apps")]) }), at);
    expect(drift).toMatchObject({ state: "drifted", drifted: 1, handChanges: 1, total: 2 });
    expect(sides["Deployment/staging/apps-web"]).toEqual({ desired: { spec: { replicas: 1 } }, live: { spec: { replicas: 3 } } });
  });

  it("is unknown and stale, naming the reconciler, when one cannot be computed (a cluster that stops answering)", async () => {
    const failing = engine({ kustomization: async (_, object) => (object.metadata.name === "apps" ? Promise.reject(new Error("staging-1: the API server cannot be reached")) : result(object)) });
    const { drift } = await computeClusterDrift(context([kustomization("infra"), kustomization("apps")]), failing, at);
    expect(drift).toMatchObject({ state: "unknown", stale: true, staleReason: expect.stringContaining("Kustomization/flux-system/apps: staging-1: the API server cannot be reached") });
    expect(drift.reconcilers.find((r) => r.reconciler.name === "apps")?.error).toContain("cannot be reached");
  });

  it("stays drifted, and stale, when drift was found beside a reconciler that failed", async () => {
    const mixed = engine({ kustomization: async (_, object) => (object.metadata.name === "apps" ? Promise.reject(new Error("flux build failed")) : result(object, [scaled("infra")])) });
    const { drift } = await computeClusterDrift(context([kustomization("infra"), kustomization("apps")]), mixed, at);
    expect(drift).toMatchObject({ state: "drifted", stale: true, drifted: 1 });
  });

  it("never claims 0 behind when a Git head is unknown", async () => {
    const unreachableGit = engine({ revision: async (_, __, object) => revision(object, { gitHead: null, gitHeadError: "connection refused", lag: "unknown", behind: null }) });
    const { drift } = await computeClusterDrift(context([kustomization("apps")]), unreachableGit, at);
    expect(drift).toMatchObject({ state: "unknown", behind: null, stale: true, staleReason: expect.stringContaining("Git head unknown (connection refused)") });
  });

  it("counts commits behind over Git sources alone: a release from a Helm repository has none to count", async () => {
    const mixed = engine({
      revision: async (_, __, object) =>
        object.metadata.name === "podinfo" ? revision(object, { url: null, gitHead: null, gitHeadError: NOT_GIT, behind: null }) : revision(object, { lag: "paused", behind: 1 }),
    });
    const { drift } = await computeClusterDrift(context([kustomization("apps"), kustomization("podinfo")]), mixed, at);
    expect(drift).toMatchObject({ behind: 1, stale: false });
  });

  it("counts a reconciler behind Git, or failing, as drift", async () => {
    const behind = engine({ revision: async (_, __, object) => revision(object, { lag: "paused", behind: 2 }) });
    expect((await computeClusterDrift(context([kustomization("apps")]), behind, at)).drift).toMatchObject({ state: "drifted", behind: 2, drifted: 0 });
    const failing = engine({ revision: async (_, __, object) => revision(object, { lag: "failing", failingMessage: "kustomize build failed" }) });
    expect((await computeClusterDrift(context([kustomization("apps")]), failing, at)).drift.state).toBe("drifted");
  });

  it("counts a reconciler paused after failing as drift: it still runs what it failed to replace", async () => {
    const pausedFailing = engine({ revision: async (_, __, object) => revision(object, { lag: "paused", behind: null, gitHeadError: NOT_GIT, failingSince: "2026-12-01T09:00:00.000Z" }) });
    expect((await computeClusterDrift(context([kustomization("apps")]), pausedFailing, at)).drift.state).toBe("drifted");
  });

  it(`computes at most ${RECONCILERS_AT_ONCE} reconcilers of a cluster at once`, async () => {
    let running = 0;
    let most = 0;
    const slow = engine({
      kustomization: async (_, object) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return result(object);
      },
    });
    const many = Array.from({ length: 12 }, (_, i) => kustomization(`app-${i}`));
    await computeClusterDrift(context(many), slow, at);
    expect(most).toBe(RECONCILERS_AT_ONCE);
  });
});
