import { describe, expect, it } from "vitest";
import { commitReach } from "./commit-reach";

describe("commitReach", () => {
  // a ← b ← c (merge of b and d) ; a ← d
  const parents = new Map([
    ["a", []],
    ["b", ["a"]],
    ["d", ["a"]],
    ["c", ["b", "d"]],
  ]);

  it("puts both sides of a merge into the merge commit's revision", () => {
    expect([...commitReach(parents)("c")].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("leaves a sibling branch's commit out of a revision", () => {
    expect(commitReach(parents)("b").has("d")).toBe(false);
  });

  it("holds a revision it never stored as itself alone", () => {
    expect([...commitReach(parents)("zzz")]).toEqual(["zzz"]);
  });
});
