import { describe, expect, it } from "vitest";
import { GitRepository, HelmRelease, Kustomization, resourceOf, summarize, SUSPENDED_AT, SUSPENDED_BY, SUSPEND_REASON, SUSPENDED_UNTIL, type FluxObject } from "./index";

const condition = (type: string, status: string, reason = "Reason", message = "msg") => ({ type, status, reason, message, lastTransitionTime: "2026-11-20T10:00:00Z" });

function ks(overrides: { suspend?: boolean; conditions?: ReturnType<typeof condition>[]; annotations?: Record<string, string>; status?: Record<string, unknown> } = {}): FluxObject {
  return {
    apiVersion: Kustomization.apiVersion,
    kind: "Kustomization",
    metadata: { name: "apps", namespace: "flux-system", resourceVersion: "7", annotations: overrides.annotations },
    spec: { suspend: overrides.suspend, sourceRef: { kind: "GitRepository", name: "fleet" } },
    status: { conditions: overrides.conditions ?? [], lastAppliedRevision: "main@sha1:abc", ...overrides.status },
  };
}

describe("Flux object state", () => {
  it("a suspended object is shown as suspended, never ready, even when its last condition says Ready", () => {
    const resource = new Kustomization(ks({ suspend: true, conditions: [condition("Ready", "True")] }));
    expect(resource.state).toBe("suspended");
    expect(resource.ready).toBe(false);
    expect(summarize(resource, false).state).toBe("suspended");
  });

  it("Ready=True is ready, Ready=False is failing, Ready=Unknown while reconciling is progressing", () => {
    expect(new Kustomization(ks({ conditions: [condition("Ready", "True")] })).state).toBe("ready");
    expect(new Kustomization(ks({ conditions: [condition("Ready", "False", "BuildFailed")] })).state).toBe("failing");
    expect(new Kustomization(ks({ conditions: [condition("Ready", "Unknown"), condition("Reconciling", "True")] })).state).toBe("progressing");
  });

  it("a stalled object is failing even while Ready is Unknown", () => {
    expect(new Kustomization(ks({ conditions: [condition("Ready", "Unknown"), condition("Stalled", "True")] })).state).toBe("failing");
  });

  it("an object without conditions yet is unknown", () => {
    expect(new Kustomization(ks()).state).toBe("unknown");
  });

  it("a Kustomization reports its last applied revision and its source", () => {
    const summary = summarize(new Kustomization(ks({ conditions: [condition("Ready", "True")] })), false);
    expect(summary.revision).toBe("main@sha1:abc");
    expect(summary.sourceRef).toEqual({ kind: "GitRepository", name: "fleet", namespace: "flux-system" });
    expect(summary.lastAppliedAt).toBe("2026-11-20T10:00:00Z");
  });

  it("a source reports its artifact revision", () => {
    const repo = resourceOf("GitRepository", {
      metadata: { name: "fleet", namespace: "flux-system" },
      status: { artifact: { revision: "main@sha1:def", lastUpdateTime: "2026-11-21T00:00:00Z" } },
    });
    expect(repo).toBeInstanceOf(GitRepository);
    expect(repo.revision).toBe("main@sha1:def");
    expect(repo.lastAppliedAt).toBe("2026-11-21T00:00:00Z");
  });

  it("a HelmRelease reports the deployed chart version and its chart's source", () => {
    const release = new HelmRelease({
      metadata: { name: "redis", namespace: "apps" },
      spec: { chart: { spec: { chart: "redis", sourceRef: { kind: "HelmRepository", name: "bitnami", namespace: "flux-system" } } } },
      status: { history: [{ chartVersion: "19.0.1", lastDeployed: "2026-11-22T00:00:00Z" }] },
    });
    expect(release.lastAppliedRevision).toBe("19.0.1");
    expect(release.sourceRef).toEqual({ kind: "HelmRepository", name: "bitnami", namespace: "flux-system" });
  });
});

describe("suspension shown on an object", () => {
  it("shows who suspended it, why and until when, when Syncline did", () => {
    const annotations = { [SUSPENDED_BY]: "maria", [SUSPEND_REASON]: "incident 42", [SUSPENDED_UNTIL]: "2026-11-27T00:00:00.000Z", [SUSPENDED_AT]: "2026-11-26T00:00:00.000Z" };
    expect(new Kustomization(ks({ suspend: true, annotations })).suspension).toEqual({
      by: "maria",
      reason: "incident 42",
      until: "2026-11-27T00:00:00.000Z",
      at: "2026-11-26T00:00:00.000Z",
      outsideSyncline: false,
    });
  });

  it("marks a suspension made with kubectl or flux (no Syncline annotations) as made outside Syncline", () => {
    expect(new Kustomization(ks({ suspend: true })).suspension?.outsideSyncline).toBe(true);
  });

  it("an object that is not suspended has no suspension, whatever its annotations say", () => {
    expect(new Kustomization(ks({ suspend: false, annotations: { [SUSPENDED_AT]: "2026-11-26T00:00:00.000Z" } })).suspension).toBeNull();
  });
});
