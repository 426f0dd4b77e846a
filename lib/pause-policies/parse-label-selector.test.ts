import { describe, expect, it } from "vitest";
import { parseLabelSelector } from "./parse-label-selector";
import { selectorMatches } from "./selector-matches";

const matches = (selector: string, labels: Record<string, string>) => selectorMatches(parseLabelSelector(selector), labels);

describe("a label selector, written as for kubectl get -l", () => {
  it("parses equality, inequality, set and existence clauses joined by commas", () => {
    expect(parseLabelSelector("env=production")).toEqual([{ key: "env", operator: "in", values: ["production"] }]);
    expect(parseLabelSelector("env==production, tier != db")).toEqual([
      { key: "env", operator: "in", values: ["production"] },
      { key: "tier", operator: "notin", values: ["db"] },
    ]);
    expect(parseLabelSelector("env in (prod, staging),team.acme.io/owner notin (legacy),region,!frozen")).toEqual([
      { key: "env", operator: "in", values: ["prod", "staging"] },
      { key: "team.acme.io/owner", operator: "notin", values: ["legacy"] },
      { key: "region", operator: "exists" },
      { key: "frozen", operator: "doesnotexist" },
    ]);
  });

  it("matches with Kubernetes semantics: every clause must hold, and != and notin also match a missing key", () => {
    expect(matches("env=production", { env: "production", team: "payments" })).toBe(true);
    expect(matches("env=production", { env: "staging" })).toBe(false);
    expect(matches("env=production", {})).toBe(false);
    expect(matches("env in (prod,staging)", { env: "staging" })).toBe(true);
    expect(matches("env notin (dev)", {})).toBe(true);
    expect(matches("env!=dev", { env: "dev" })).toBe(false);
    expect(matches("region", { region: "" })).toBe(true);
    expect(matches("env=", { env: "" })).toBe(true);
    expect(matches("!frozen", { frozen: "yes" })).toBe(false);
    expect(matches("env=production,team=payments", { env: "production", team: "search" })).toBe(false);
  });

  it.each([
    ["", /Give a label selector/],
    ["env in ()", /at least one value/],
    ["env in (prod,)", /at least one value/],
    ["env=prod,", /not a label selector/],
    ["env=prod,,tier=db", /not a label selector/],
    ["env = pro duction", /not a selector clause/],
    ["env in prod", /not a selector clause/],
    ["!env in (prod)", /! goes before a key alone/],
    ["-env=prod", /not a valid label key/],
    ["env=" + "x".repeat(64), /not a valid label value/],
    ["env>3", /"env>3" is not a valid label key/],
  ])("%j is refused with a validation error naming the problem", (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(message);
    try {
      parseLabelSelector(selector);
    } catch (error) {
      expect(error).toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ path: "selector" })] });
    }
  });
});
