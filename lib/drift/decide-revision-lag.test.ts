import { describe, expect, it } from "vitest";
import { decideRevisionLag, type RevisionLagInput } from "./decide-revision-lag";

const inSync: RevisionLagInput = { suspended: false, failing: false, gitHead: "known", fetched: true, fetchedIsHead: true, appliedIsFetched: true };

describe("decideRevisionLag", () => {
  it("is in sync only when Git head, the artifact and the applied revision agree", () => {
    expect(decideRevisionLag(inSync)).toBe("in-sync");
  });

  it("blames the source when Git head is newer than its artifact", () => {
    expect(decideRevisionLag({ ...inSync, fetchedIsHead: false })).toBe("source-not-fetched");
    expect(decideRevisionLag({ ...inSync, fetchedIsHead: false, appliedIsFetched: false })).toBe("source-not-fetched");
    expect(decideRevisionLag({ ...inSync, fetched: false, fetchedIsHead: false, appliedIsFetched: false })).toBe("source-not-fetched");
  });

  it("blames the reconciler when the artifact is newer than what it applied", () => {
    expect(decideRevisionLag({ ...inSync, appliedIsFetched: false })).toBe("fetched-not-applied");
  });

  it("says paused for a suspended reconciler, whatever is waiting behind it", () => {
    expect(decideRevisionLag({ ...inSync, suspended: true })).toBe("paused");
    expect(decideRevisionLag({ ...inSync, suspended: true, appliedIsFetched: false })).toBe("paused");
    expect(decideRevisionLag({ ...inSync, suspended: true, failing: true, gitHead: "unknown" })).toBe("paused");
  });

  it("says failing for a reconciler whose Ready is False, even when Git head is unknown", () => {
    expect(decideRevisionLag({ ...inSync, failing: true })).toBe("failing");
    expect(decideRevisionLag({ ...inSync, failing: true, gitHead: "unknown" })).toBe("failing");
  });

  it("claims nothing when Git head is unknown, not even in sync", () => {
    expect(decideRevisionLag({ ...inSync, gitHead: "unknown" })).toBe("unknown");
    expect(decideRevisionLag({ ...inSync, gitHead: "unknown", fetchedIsHead: false })).toBe("unknown");
  });

  it("compares artifact and applied revision alone for a source that is no Git repository", () => {
    expect(decideRevisionLag({ ...inSync, gitHead: "not-git", fetchedIsHead: false })).toBe("in-sync");
    expect(decideRevisionLag({ ...inSync, gitHead: "not-git", fetchedIsHead: false, appliedIsFetched: false })).toBe("fetched-not-applied");
  });
});
