import { describe, expect, it } from "vitest";
import { reconcileOutcomeOf } from "./reconcile-outcome-of";

describe("a reconcile's overall outcome", () => {
  const result = (outcome: "changed" | "skipped" | "failed") => ({ kind: "Kustomization", namespace: "flux-system", name: "apps", outcome });

  it("is skipped when nothing could be reconciled, never success", () => {
    expect(reconcileOutcomeOf([result("skipped")])).toBe("skipped");
    expect(reconcileOutcomeOf([result("skipped"), result("skipped")])).toBe("skipped");
  });

  it("is success when some objects were asked and the rest were suspended, and counts failures as ever", () => {
    expect(reconcileOutcomeOf([result("changed"), result("skipped")])).toBe("success");
    expect(reconcileOutcomeOf([result("skipped"), result("failed")])).toBe("partial");
    expect(reconcileOutcomeOf([result("failed")])).toBe("failure");
  });
});
