import { describe, expect, it } from "vitest";
import { firstContaining } from "./commit-reach";

describe("firstContaining", () => {
  // a ← b ← c (merge of b and d) ; a ← d
  const parents = new Map([
    ["a", []],
    ["b", ["a"]],
    ["d", ["a"]],
    ["c", ["b", "d"]],
  ]);
  const shaOf = (revision: string) => revision;

  it("puts both sides of a merge into the merge commit's revision", () => {
    expect([...firstContaining(["c"], shaOf, parents).keys()].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("leaves a sibling branch's commit out of a revision", () => {
    expect(firstContaining(["b"], shaOf, parents).has("d")).toBe(false);
  });

  it("gives each commit the first revision, in the order given, that contains it", () => {
    expect(Object.fromEntries(firstContaining(["b", "c"], shaOf, parents))).toEqual({ a: "b", b: "b", c: "c", d: "c" });
    expect(Object.fromEntries(firstContaining(["c", "b"], shaOf, parents))).toEqual({ a: "c", b: "c", c: "c", d: "c" });
  });

  it("skips items without a commit, and holds a revision it never stored as itself alone", () => {
    expect([...firstContaining([null, "zzz"], (revision) => revision, parents).keys()]).toEqual(["zzz"]);
  });
});
