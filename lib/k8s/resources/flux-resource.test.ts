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

  it("a Kustomization reports its last applied revision and its source", () => {
    const summary = summarize(new Kustomization(ks({ conditions: [condition("Ready", "True")] })), false);
    expect(summary.revision).toBe("main@sha1:abc");
    expect(summary.sourceRef).toEqual({ kind: "GitRepository", name: "fleet", namespace: "flux-system" });
    expect(summary.lastAppliedAt).toBe("2026-11-20T10:00:00Z");
  });

  it("a Kustomization's current manifests count as applied since Flux first applied them, whichever revision relabelled them", () => {
    // As kustomize-controller v1.9 reports it after a commit that left these manifests alone:
    // one history entry, relabelled with the new revision, keeps its old firstReconciled.
    const resource = new Kustomization(
      ks({
        conditions: [condition("Ready", "True", "ReconciliationSucceeded")],
        status: {
          lastAppliedRevision: "main@sha1:new",
          history: [{ digest: "sha256:a", firstReconciled: "2026-12-01T15:36:23Z", lastReconciled: "2026-12-01T15:43:19Z", lastReconciledStatus: "ReconciliationSucceeded", metadata: { revision: "main@sha1:new" } }],
        },
      }),
    );
    expect(resource.lastAppliedAt).toBe("2026-12-01T15:36:23Z");
  });

  it("a Kustomization's failed attempt at a newer revision does not count as applied", () => {
    const resource = new Kustomization(
      ks({
        status: {
          lastAppliedRevision: "main@sha1:old",
          history: [
            { digest: "sha256:b", firstReconciled: "2026-12-01T16:00:00Z", lastReconciled: "2026-12-01T16:05:00Z", lastReconciledStatus: "HealthCheckFailed", metadata: { revision: "main@sha1:new" } },
            { digest: "sha256:a", firstReconciled: "2026-12-01T15:00:00Z", lastReconciled: "2026-12-01T15:30:00Z", lastReconciledStatus: "ReconciliationSucceeded", metadata: { revision: "main@sha1:old" } },
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
