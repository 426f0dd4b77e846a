import { describe, expect, it } from "vitest";
import { Kustomization, SUSPENDED_AT, SUSPENDED_BY, SUSPENDED_UNTIL, type FluxObject } from "../k8s/resources";
import { reconcileDecision } from "./reconcile-decision";

const at = new Date("2026-12-01T12:00:00Z");

function apps(spec: { suspend?: boolean }, annotations?: Record<string, string>): { model: typeof Kustomization; object: FluxObject } {
  return { model: Kustomization, object: { metadata: { name: "apps", namespace: "flux-system", annotations }, spec } };
}

describe("reconciling a suspended object", () => {
  it("is skipped, and the hint for a kubectl suspension names the object's own switch", () => {
    const decision = reconcileDecision(at)(apps({ suspend: true }));
    expect(decision).toMatchObject({ outcome: "skipped" });
    expect("message" in decision && decision.message).toMatch(/suspended outside Syncline.*this object's own auto-sync switch/);
  });

  it("is skipped, and the hint for a Syncline pause says who paused it and which switches lift it", () => {
    const annotations = { [SUSPENDED_BY]: "maria", [SUSPENDED_AT]: "2026-12-01T11:00:00.000Z", [SUSPENDED_UNTIL]: "2026-12-01T13:00:00.000Z" };
    const decision = reconcileDecision(at)(apps({ suspend: true }, annotations));
    expect("message" in decision && decision.message).toBe(
      "Kustomization flux-system/apps is suspended: paused by maria until 2026-12-01T13:00:00.000Z; turn auto-sync back on for this object or its cluster to reconcile it",
    );
  });

});
