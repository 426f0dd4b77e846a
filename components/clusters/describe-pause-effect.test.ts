import { describe, expect, it } from "vitest";
import { describePauseEffect } from "./describe-pause-effect";

describe("what the pause dialog says a pause will do", () => {
  it("counts a cluster's reconcilers and says sources keep fetching", () => {
    expect(describePauseEffect({ reconcilers: 12 })).toBe("Pauses 12 reconcilers (Kustomizations and HelmReleases). Sources keep fetching, so resuming applies the newest revision at once.");
    expect(describePauseEffect({ reconcilers: 1 })).toMatch(/^Pauses 1 reconciler \(/);
  });

  it("tells one reconciler from one source, which stops fetching", () => {
    expect(describePauseEffect({ kind: "HelmRelease" })).toMatch(/^Pauses this reconciler\. Its source keeps fetching/);
    expect(describePauseEffect({ kind: "GitRepository" })).toMatch(/^Stops this source fetching new revisions/);
  });
});
