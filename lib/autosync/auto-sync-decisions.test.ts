import { describe, expect, it } from "vitest";
import { Kustomization, SUSPENDED_AT, SUSPENDED_BY, type FluxObject } from "../k8s/resources";
import { auditOutcomeOf } from "./audit-outcome-of";
import { autoSyncDecisions } from "./auto-sync-decisions";

const at = new Date("2026-11-26T12:00:00Z");
const target = (spec: { suspend?: boolean }, annotations?: Record<string, string>) => ({
  model: Kustomization,
  object: { metadata: { name: "apps", namespace: "flux-system", resourceVersion: "5", annotations }, spec } as FluxObject,
});
const ours = { [SUSPENDED_BY]: "maria", [SUSPENDED_AT]: at.toISOString() };

describe("turning auto-sync off", () => {
  it("suspends a running object and records the suspension on it", () => {
    const decision = autoSyncDecisions.suspend({ by: "maria", reason: "freeze", until: null, at })(target({}));
    expect(decision).toMatchObject({ guard: true, patch: { spec: { suspend: true }, metadata: { annotations: { [SUSPENDED_BY]: "maria" } } } });
  });

  it("repeating the same switch leaves the object unchanged", () => {
    expect(autoSyncDecisions.suspend({ by: "dev", reason: null, until: null, at })(target({ suspend: true }, ours))).toMatchObject({ outcome: "unchanged" });
  });

  it("leaves an object suspended outside Syncline as it is, and says so", () => {
    expect(autoSyncDecisions.suspend({ by: "maria", reason: null, until: null, at })(target({ suspend: true }))).toEqual({
      outcome: "unchanged",
      message: "already suspended outside Syncline; left as is",
    });
  });
});

describe("turning auto-sync on", () => {
  it("resumes what Syncline suspended and requests a reconcile", () => {
    expect(autoSyncDecisions.resume(at, { includeOutside: false })(target({ suspend: true }, ours))).toMatchObject({ patch: { spec: { suspend: null } }, guard: true });
  });

  it("a cluster-wide switch skips a suspension made outside Syncline, with a message", () => {
    const decision = autoSyncDecisions.resume(at, { includeOutside: false })(target({ suspend: true }));
    expect(decision).toMatchObject({ outcome: "skipped", message: expect.stringContaining("suspended outside Syncline") });
  });

  it("a per-object switch lifts a suspension made outside Syncline", () => {
    expect(autoSyncDecisions.resume(at, { includeOutside: true })(target({ suspend: true }))).toHaveProperty("patch");
  });

  it("an object that is running is unchanged", () => {
    expect(autoSyncDecisions.resume(at, { includeOutside: true })(target({}))).toMatchObject({ outcome: "unchanged" });
  });
});

describe("audit outcome", () => {
  const r = (outcome: "changed" | "failed" | "unchanged" | "skipped") => ({ kind: "Kustomization", namespace: "a", name: "b", outcome });
  it("is success, partial or failure by how many objects failed", () => {
    expect(auditOutcomeOf([])).toBe("success");
    expect(auditOutcomeOf([r("changed"), r("skipped")])).toBe("success");
    expect(auditOutcomeOf([r("changed"), r("failed")])).toBe("partial");
    expect(auditOutcomeOf([r("failed"), r("failed")])).toBe("failure");
  });
});
