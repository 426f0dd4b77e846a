import { describe, expect, it } from "vitest";
import { fleetLabels, formatLabelSelector, parseLabelSelector } from "./label-selector";

describe("label selector in the URL", () => {
  it("reads key=value pairs and ignores fragments a hand-edited URL may hold", () => {
    expect(parseLabelSelector("env=prod, team=platform,,broken,=x")).toEqual(["env=prod", "team=platform"]);
    expect(parseLabelSelector(null)).toEqual([]);
  });

  it("writes the same selector whatever order labels were chosen in, and nothing when none are", () => {
    expect(formatLabelSelector(["team=platform", "env=prod", "env=prod"])).toBe("env=prod,team=platform");
    expect(formatLabelSelector([])).toBeNull();
  });

  it("lists each label the fleet uses once", () => {
    expect(fleetLabels([{ labels: { env: "prod", team: "a" } }, { labels: { env: "prod" } }])).toEqual(["env=prod", "team=a"]);
  });
});
