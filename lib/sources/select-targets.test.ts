import { describe, expect, it } from "vitest";
import { selectTargets, type TargetCandidate } from "./select-targets";

const clusters: TargetCandidate[] = [
  { id: "staging-eu", labels: { env: "staging", region: "eu" } },
  { id: "prod-eu", labels: { env: "production", region: "eu" } },
  { id: "prod-us", labels: { env: "production", region: "us" } },
  { id: "prod-ap", labels: { env: "production", region: "ap" } },
  { id: "bare", labels: {} },
];
const ids = (set: Set<string>) => [...set].sort();

describe("a source's targets", () => {
  it("are the clusters its label selector matches, with Kubernetes selector syntax", () => {
    expect(ids(selectTargets({ selector: "env=production,region in (eu,us)", clusterIds: [] }, clusters))).toEqual(["prod-eu", "prod-us"]);
    expect(ids(selectTargets({ selector: "env!=production", clusterIds: [] }, clusters))).toEqual(["bare", "staging-eu"]);
  });

  it("add the clusters named explicitly, ignoring ids no cluster has", () => {
    expect(ids(selectTargets({ selector: "env=staging", clusterIds: ["prod-ap", "gone"] }, clusters))).toEqual(["prod-ap", "staging-eu"]);
    expect(ids(selectTargets({ selector: null, clusterIds: ["bare"] }, clusters))).toEqual(["bare"]);
  });

  it("are every cluster for an empty selector, as in Kubernetes", () => {
    expect(selectTargets({ selector: "", clusterIds: [] }, clusters).size).toBe(clusters.length);
  });

  it("refuse a selector that does not parse rather than match by accident", () => {
    expect(() => selectTargets({ selector: "env in (prod", clusterIds: [] }, clusters)).toThrow(/not a label selector|selector/);
  });
});
