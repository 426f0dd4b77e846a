import { describe, expect, it } from "vitest";
import type { ObjectOutcome } from "@/lib/audit/actions";
import { describeOutcome } from "./describe-outcome";

const result = (name: string, outcome: ObjectOutcome["outcome"], message?: string): ObjectOutcome => ({
  kind: "Kustomization",
  namespace: "flux-system",
  name,
  outcome,
  message,
});

describe("an action's outcome line", () => {
  it("says how many objects it reached", () => {
    expect(describeOutcome("Paused", "success", [result("a", "changed"), result("b", "unchanged")]).text).toBe("Paused 2 of 2");
  });

  it("names why objects failed, so the user can act on it", () => {
    const summary = describeOutcome("Paused", "partial", [result("a", "changed"), result("b", "failed", "forbidden"), result("c", "changed")]);
    expect(summary).toMatchObject({ tone: "warn", text: "Paused 2 of 3 — 1 failed: forbidden" });
    expect(summary.failed.map((f) => f.name)).toEqual(["b"]);
  });

  it("counts skipped objects apart from failed ones", () => {
    expect(describeOutcome("Reconciled", "partial", [result("a", "changed"), result("b", "skipped", "suspended")]).text).toBe("Reconciled 1 of 2 — 1 skipped");
  });

  it("warns, rather than fails, when every object was skipped", () => {
    expect(describeOutcome("Reconcile requested for", "skipped", [result("a", "skipped", "suspended")])).toMatchObject({ tone: "warn", text: "Reconcile requested for 0 of 1 — 1 skipped" });
  });

  it("says plainly when there was nothing to act on", () => {
    expect(describeOutcome("Paused", "success", []).text).toBe("Paused: no Flux objects to act on");
  });
});
