import { describe, expect, it } from "vitest";
import { countSelectorMatches } from "./count-selector-matches";

const clusters = [{ labels: { env: "staging", region: "eu" } }, { labels: { env: "production", region: "us" } }, { labels: { env: "production", region: "ap" } }];

describe("the targets' live match count", () => {
  it("counts the clusters a selector matches, with set-based requirements", () => {
    expect(countSelectorMatches("env=production", clusters)).toBe(2);
    expect(countSelectorMatches("env=production,region in (eu,us)", clusters)).toBe(1);
  });

  it("matches every cluster with an empty selector, as Kubernetes does", () => {
    expect(countSelectorMatches("  ", clusters)).toBe(3);
  });

  it("has no count while the text is not a selector yet", () => {
    expect(countSelectorMatches("env in (", clusters)).toBeNull();
  });
});
