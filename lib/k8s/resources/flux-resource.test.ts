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

function snapshot(digest: string, revision: string, firstReconciled: string, lastReconciled: string, status = "ReconciliationSucceeded") {
  return { digest, firstReconciled, lastReconciled, lastReconciledStatus: status, metadata: { revision } };
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

  it("Ready=False is failing while Flux retries it, and says it is retrying", () => {
    // The sandbox's HelmRepository, which can never fetch its index offline.
    const repository = resourceOf("HelmRepository", {
      metadata: { name: "podinfo", namespace: "flux-system" },
      status: { conditions: [condition("Reconciling", "True", "ProgressingWithRetry"), condition("Ready", "False", "Failed"), condition("FetchFailed", "True", "Failed")] },
    });
    expect(repository.state).toBe("failing");
    expect(summarize(repository, false)).toMatchObject({ state: "failing", retrying: true });
  });

  it("a HelmRelease whose chart never arrives is failing while Flux keeps working on it", () => {
    const release = new HelmRelease({
      metadata: { name: "podinfo", namespace: "flux-system" },
      status: { conditions: [condition("Reconciling", "True", "Progressing"), condition("Ready", "False", "SourceNotReady")] },
    });
    expect(release.state).toBe("failing");
    expect(release.retrying).toBe(true);
  });

  it("a retry that has reset Ready to Unknown is still failing", () => {
    const resource = new Kustomization(ks({ conditions: [condition("Ready", "Unknown", "Progressing"), condition("Reconciling", "True", "ProgressingWithRetry")] }));
    expect(resource.state).toBe("failing");
  });

  it("a first reconcile or a new revision on its way is progressing, not retrying", () => {
    const resource = new Kustomization(ks({ conditions: [condition("Ready", "Unknown", "Progressing"), condition("Reconciling", "True", "Progressing")] }));
    expect(resource.state).toBe("progressing");
    expect(resource.retrying).toBe(false);
  });

  it("a ready object stays ready while Flux re-checks it", () => {
    expect(new Kustomization(ks({ conditions: [condition("Ready", "True", "Succeeded"), condition("Reconciling", "True", "Progressing")] })).state).toBe("ready");
  });

  it("a stalled or suspended object is not said to be retrying", () => {
    expect(new Kustomization(ks({ conditions: [condition("Ready", "False"), condition("Reconciling", "True"), condition("Stalled", "True")] })).retrying).toBe(false);
    expect(new Kustomization(ks({ suspend: true, conditions: [condition("Ready", "False"), condition("Reconciling", "True")] })).retrying).toBe(false);
  });

  it("an object without conditions yet is unknown", () => {
    expect(new Kustomization(ks()).state).toBe("unknown");
  });

  it("a Kustomization reports its last applied revision and its source, but not the Ready transition as the time it applied", () => {
    const summary = summarize(new Kustomization(ks({ conditions: [condition("Ready", "True")] })), false);
    expect(summary.revision).toBe("main@sha1:abc");
    expect(summary.sourceRef).toEqual({ kind: "GitRepository", name: "fleet", namespace: "flux-system" });
    expect(summary.lastAppliedAt).toBeNull();
  });

  it("a Kustomization that moves to a revision building new manifests applied it when Flux first reconciled them", () => {
    const before = new Kustomization(ks({ status: { lastAppliedRevision: "main@sha1:old", history: [snapshot("sha256:a", "main@sha1:old", "2026-12-01T15:00:00Z", "2026-12-01T15:30:00Z")] } }));
    const after = new Kustomization(
      ks({
        status: {
          lastAppliedRevision: "main@sha1:new",
          history: [snapshot("sha256:b", "main@sha1:new", "2026-12-01T15:40:00Z", "2026-12-01T15:40:00Z"), snapshot("sha256:a", "main@sha1:old", "2026-12-01T15:00:00Z", "2026-12-01T15:30:00Z")],
        },
      }),
    );
    expect(after.lastAppliedAt).toBe("2026-12-01T15:40:00Z");
    expect(after.appliedAtAfter(before)).toBe("2026-12-01T15:40:00Z");
  });

  it("a Kustomization that moves to a revision building the same manifests applied it in the run that relabelled Flux's entry, not when the entry began", () => {
    // As kustomize-controller v1.9 reports a commit that left these manifests alone: one history
    // entry, relabelled with the new revision, keeps its old firstReconciled.
    const before = new Kustomization(ks({ status: { lastAppliedRevision: "main@sha1:old", history: [snapshot("sha256:a", "main@sha1:old", "2026-12-01T15:36:23Z", "2026-12-01T15:38:00Z")] } }));
    const after = new Kustomization(ks({ status: { lastAppliedRevision: "main@sha1:new", history: [snapshot("sha256:a", "main@sha1:new", "2026-12-01T15:36:23Z", "2026-12-01T15:43:19Z")] } }));
    expect(after.appliedAtAfter(before)).toBe("2026-12-01T15:43:19Z");
  });

  it("a Kustomization's failed attempt at a newer revision does not count as applied", () => {
    const resource = new Kustomization(
      ks({
        status: {
          lastAppliedRevision: "main@sha1:old",
          history: [
            snapshot("sha256:b", "main@sha1:new", "2026-12-01T16:00:00Z", "2026-12-01T16:05:00Z", "HealthCheckFailed"),
            snapshot("sha256:a", "main@sha1:old", "2026-12-01T15:00:00Z", "2026-12-01T15:30:00Z"),
          ],
        },
      }),
    );
    expect(resource.lastAppliedAt).toBe("2026-12-01T15:00:00Z");
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

  it("a HelmRelease applied its current release when Helm deployed it; an upgrade with new values is a new release of the same chart", () => {
    const entry = (version: number, lastDeployed: string) => ({ name: "redis", namespace: "apps", version, chartVersion: "19.0.1", firstDeployed: "2026-11-01T00:00:00Z", lastDeployed });
    const first = new HelmRelease({ metadata: { name: "redis", namespace: "apps" }, status: { history: [entry(1, "2026-11-22T00:00:00Z")] } });
    const upgraded = new HelmRelease({ metadata: { name: "redis", namespace: "apps" }, status: { history: [entry(2, "2026-11-23T00:00:00Z"), entry(1, "2026-11-22T00:00:00Z")] } });
    expect(upgraded.lastAppliedAt).toBe("2026-11-23T00:00:00Z");
    expect(upgraded.appliedIdentity).not.toBe(first.appliedIdentity);
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
