import { describe, expect, it } from "vitest";
import type { DeploymentDto, SuspensionWindowDto } from "@/lib/schemas/timeline";
import { suspensionAt, timelineRows, type TimelineCommit } from "./timeline-rows";

const commit = (sha: string, committedAt: string) => ({ sha, committedAt }) as TimelineCommit;
const rollback = (id: string, appliedAt: string) => ({ id, appliedAt, change: "rollback" }) as DeploymentDto;
const window = (clusterId: string, from: string, to: string | null) => ({ clusterId, from, to, object: null, actor: "ana", reason: "INC-1", until: null }) as SuspensionWindowDto;

describe("timelineRows", () => {
  it("places a rollback between the commits around it in time, newest first", () => {
    const rows = timelineRows({
      commits: [commit("c3", "2026-12-01T12:00:00Z"), commit("c2", "2026-12-01T11:00:00Z"), commit("c1", "2026-12-01T10:00:00Z")],
      rewrites: [rollback("r1", "2026-12-01T11:30:00Z")],
    });
    expect(rows.map((row) => row.key)).toEqual(["commit:c3", "rewrite:r1", "commit:c2", "commit:c1"]);
  });
});

describe("suspensionAt", () => {
  const windows = [window("a", "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"), window("b", "2026-12-01T10:00:00Z", null)];

  it("finds the window on the same cluster that covers the time", () => {
    expect(suspensionAt(windows, "a", "2026-12-01T10:30:00Z")).toBe(windows[0]);
    expect(suspensionAt(windows, "a", "2026-12-01T11:30:00Z")).toBeNull();
  });

  it("treats a window that has not ended as lasting until now", () => {
    expect(suspensionAt(windows, "b", "2030-01-01T00:00:00Z")).toBe(windows[1]);
  });
});
