import { describe, expect, it } from "vitest";
import type { FluxCondition } from "@/lib/fleet/dto";
import { conditionTone } from "./condition-tone";

const condition = (type: string, status: string): FluxCondition => ({ type, status, reason: null, message: null, lastTransitionTime: null });

describe("a condition's badge colour", () => {
  it("is bad for a failure Flux reports as True, such as FetchFailed=True or Stalled=True", () => {
    expect(conditionTone(condition("FetchFailed", "True"))).toBe("fail");
    expect(conditionTone(condition("BuildFailed", "True"))).toBe("fail");
    expect(conditionTone(condition("Stalled", "True"))).toBe("fail");
  });

  it("is neutral while Flux is at work (Reconciling=True), not a failure", () => {
    expect(conditionTone(condition("Reconciling", "True"))).toBe("neutral");
  });

  it("is good for Ready=True and bad for Ready=False", () => {
    expect(conditionTone(condition("Ready", "True"))).toBe("ok");
    expect(conditionTone(condition("Ready", "False"))).toBe("fail");
    expect(conditionTone(condition("ArtifactInStorage", "True"))).toBe("ok");
  });

  it("is neutral when Flux does not know yet, or when a failure condition is cleared", () => {
    expect(conditionTone(condition("Ready", "Unknown"))).toBe("neutral");
    expect(conditionTone(condition("FetchFailed", "False"))).toBe("neutral");
  });

  it("asks for a look at a release Helm had to remediate", () => {
    expect(conditionTone(condition("Remediated", "True"))).toBe("warn");
  });
});
