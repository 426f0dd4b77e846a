import { describe, expect, it } from "vitest";
import { rolloutSettled } from "@/lib/queries/rollout-settled";
import { describeOutcomes } from "./describe-outcomes";
import { describePlanSummary, describeRef, rolloutCounts, shortRevision } from "./describe-rollout";

const none = { create: 0, update: 0, remove: 0, unchanged: 0, invalid: 0 };

describe("the preview's headline", () => {
  it("says what happens where, naming clusters once", () => {
    expect(describePlanSummary({ ...none, create: 2, update: 3, remove: 1 })).toBe("Create on 2 clusters, update on 3, remove from 1");
  });

  it("counts unchanged clusters and invalid targets apart from the changes", () => {
    expect(describePlanSummary({ ...none, update: 1, unchanged: 2, invalid: 1 })).toBe("Update on 1 cluster (2 unchanged, 1 not valid targets)");
  });

  it("says so when nothing changes", () => {
    expect(describePlanSummary({ ...none, unchanged: 3 })).toBe("No change on any cluster (3 unchanged)");
  });
});

describe("a rollout at a glance", () => {
  it("counts clusters per state, the ones needing attention first", () => {
    const rollout = [{ state: "reconciled" }, { state: "failed" }, { state: "reconciled" }, { state: "pending" }] as const;
    expect(rolloutCounts(rollout)).toEqual([
      { state: "failed", count: 1 },
      { state: "pending", count: 1 },
      { state: "reconciled", count: 2 },
    ]);
  });

  it("is watched closely while a cluster is still being applied, fetched or removed, and not once all have settled", () => {
    const cluster = (state: "pending" | "fetched" | "reconciled" | "failing" | "unreachable") => ({ state }) as never;
    expect(rolloutSettled({ deleting: false, rollout: [cluster("reconciled"), cluster("fetched")] })).toBe(false);
    expect(rolloutSettled({ deleting: false, rollout: [cluster("pending")] })).toBe(false);
    expect(rolloutSettled({ deleting: false, rollout: [cluster("reconciled"), cluster("failing"), cluster("unreachable")] })).toBe(true);
    expect(rolloutSettled({ deleting: true, rollout: [] })).toBe(false);
  });
});

describe("revisions and refs", () => {
  it("shortens a Git revision to its branch and seven characters of the sha", () => {
    expect(shortRevision("main@sha1:0123456789abcdef0123456789abcdef01234567")).toBe("main@0123456");
    expect(shortRevision("v1.2.0")).toBe("v1.2.0");
  });

  it("names the kind of ref", () => {
    expect(describeRef({ branch: "main" })).toBe("branch main");
    expect(describeRef({ semver: ">=1.0.0" })).toBe("semver >=1.0.0");
    expect(describeRef({ commit: "0123456789abcdef0123" })).toBe("commit 0123456789ab");
  });
});

describe("what an apply did", () => {
  it("counts the clusters per outcome", () => {
    expect(describeOutcomes([{ outcome: "applied" }, { outcome: "applied" }, { outcome: "pending" }])).toBe("applied on 2 clusters, pending on 1");
    expect(describeOutcomes([])).toBe("stored; no cluster is targeted yet");
  });
});
