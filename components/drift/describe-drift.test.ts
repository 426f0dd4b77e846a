import { describe, expect, it } from "vitest";
import { describeBehind, describeDriftCount, describeLag, describeResume, formatValue } from "./describe-drift";

describe("drift in words", () => {
  it("says how many objects drifted out of how many, and never 'in sync' unless the server says so", () => {
    expect(describeDriftCount({ state: "drifted", drifted: 3, total: 212 })).toBe("3 of 212 drifted");
    expect(describeDriftCount({ state: "unknown", drifted: 0, total: 212 })).toBe("unknown");
    expect(describeDriftCount({ state: "in-sync", drifted: 0, total: 212 })).toBe("in sync");
  });

  it("counts commits behind, and says so when Git could not be read instead of '0 behind'", () => {
    expect(describeBehind(2)).toBe("2 commits behind");
    expect(describeBehind(1)).toBe("1 commit behind");
    expect(describeBehind(0)).toBeNull();
    expect(describeBehind(null)).toBe("commits behind unknown");
  });

  it("names the step that lags, with the revision a paused reconciler stays at", () => {
    expect(describeLag({ lag: "paused", applied: "main@sha1:0123456789abcdef0123456789abcdef01234567", gitHeadError: null })).toBe("paused at main@0123456");
    expect(describeLag({ lag: "fetched-not-applied", applied: null, gitHeadError: null })).toBe("fetched, not applied");
    expect(describeLag({ lag: "unknown", applied: null, gitHeadError: "connection refused" })).toBe("Git head unknown");
  });

  it("shows scalars as they are and structures as YAML", () => {
    expect(formatValue(3)).toBe("3");
    expect(formatValue("web")).toBe("web");
    expect(formatValue({ cpu: "100m" })).toBe("cpu: 100m");
    expect(formatValue(undefined)).toBe("");
  });

  it("sums up what resuming will do", () => {
    expect(describeResume(3, 2, 2)).toBe("Resuming will revert 3 hand changes on 2 objects and apply 2 new commits.");
    expect(describeResume(1, 1, 0)).toBe("Resuming will revert 1 hand change on 1 object.");
    expect(describeResume(0, 0, null)).toBe("Resuming will apply what Git has now (how many commits is unknown).");
  });
});
