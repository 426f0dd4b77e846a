import { describe, expect, it } from "vitest";
import type { DeploymentDto } from "@/lib/schemas/timeline";
import { deploymentPeople, longestLeadTime, percentile } from "./deployment-people";

type Commit = DeploymentDto["commits"][number];
const commit = (authorName: string, leadTimeSeconds: number, mergedBy: string | null = null) =>
  ({ authorName, leadTimeSeconds, pullRequest: mergedBy ? { number: 1, title: "", url: "", mergedBy } : null }) as Commit;

describe("deploymentPeople", () => {
  it("names every author of a merge train once, and the PR mergers apart from them", () => {
    const people = deploymentPeople({ commits: [commit("Zoë", 60, "lead"), commit("Sam", 30), commit("Zoë", 10, "lead")] });
    expect(people).toEqual({ authors: ["Zoë", "Sam"], mergers: ["lead"] });
  });
});

describe("lead times", () => {
  it("takes a deployment's longest lead time, and none for a deployment without commits", () => {
    expect(longestLeadTime({ commits: [commit("a", 60), commit("b", 300)] })).toBe(300);
    expect(longestLeadTime({ commits: [] })).toBeNull();
  });

  it("finds the median and the 90th percentile by nearest rank", () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.9)).toBe(90);
    expect(percentile([], 0.5)).toBeNull();
  });
});
