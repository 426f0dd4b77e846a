import { describe, expect, it } from "vitest";
import { clusterSuspensionOf } from "./cluster-suspension-of";

const byAlice = { by: "alice", reason: "INC-2041 database failover", until: "2026-12-01T21:30:00.000Z", at: "2026-12-01T18:30:00.000Z", outsideSyncline: false };
const byBob = { by: "bob", reason: "hotfix", until: null, at: "2026-12-01T19:00:00.000Z", outsideSyncline: false };
const outside = { by: null, reason: null, until: null, at: null, outsideSyncline: true };

describe("clusterSuspensionOf", () => {
  it("has no pause to show while no reconciler is suspended", () => {
    expect(clusterSuspensionOf([null, null])).toBeNull();
  });

  it("names who paused the cluster, why and until when, as written on its reconcilers", () => {
    expect(clusterSuspensionOf([byAlice, byAlice, null])).toEqual(byAlice);
  });

  it("shows the newest Syncline pause when reconcilers were paused at different times", () => {
    expect(clusterSuspensionOf([byAlice, byBob, outside])).toEqual(byBob);
  });

  it("reports reconcilers suspended only by other tools as paused outside Syncline, by nobody named", () => {
    expect(clusterSuspensionOf([outside, null])).toEqual(outside);
  });
});
