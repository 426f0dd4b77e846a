import { describe, expect, it } from "vitest";
import { describeValue, fieldRows } from "./describe-value";

describe("object diffs, readable", () => {
  it("lists a field that appears whole leaf by leaf", () => {
    expect(fieldRows({ path: "spec", after: { interval: "5m", ref: { branch: "main" }, ignore: ["a"] } })).toEqual([
      { path: "spec.interval", after: "5m" },
      { path: "spec.ref.branch", after: "main" },
      { path: "spec.ignore", after: ["a"] },
    ]);
  });

  it("lists a field that goes leaf by leaf, and keeps a change as old → new", () => {
    expect(fieldRows({ path: "metadata.labels", before: { team: "a" } })).toEqual([{ path: "metadata.labels.team", before: "a" }]);
    expect(fieldRows({ path: "spec.ref", before: { branch: "main" }, after: { tag: "v1" } })).toEqual([{ path: "spec.ref", before: { branch: "main" }, after: { tag: "v1" } }]);
  });

  it("shows strings bare, empty strings quoted, other values as JSON", () => {
    expect([describeValue("main"), describeValue(""), describeValue(3), describeValue(["a"])]).toEqual(["main", '""', "3", '["a"]']);
  });
});
