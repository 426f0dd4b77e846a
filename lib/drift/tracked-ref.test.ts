import { describe, expect, it } from "vitest";
import { trackedRefOf } from "./tracked-ref";

describe("trackedRefOf", () => {
  it("follows Flux's precedence: commit, name, semver, tag, branch", () => {
    const all = { commit: "ABCDEF0123456789abcdef0123456789abcdef01", name: "refs/pull/1/head", semver: ">=1.0.0", tag: "v1.0.0", branch: "main" };
    expect(trackedRefOf({ ref: all })).toEqual({ kind: "commit", commit: all.commit.toLowerCase(), label: "commit ABCDEF012345" });
    expect(trackedRefOf({ ref: { ...all, commit: undefined } })).toMatchObject({ kind: "name", label: "ref refs/pull/1/head" });
    expect(trackedRefOf({ ref: { semver: ">=1.0.0", tag: "v1.0.0", branch: "main" } })).toMatchObject({ kind: "semver", label: "semver >=1.0.0" });
    expect(trackedRefOf({ ref: { tag: "v1.0.0", branch: "main" } })).toMatchObject({ kind: "tag", label: "tag v1.0.0" });
    expect(trackedRefOf({ ref: { branch: "main" } })).toMatchObject({ kind: "branch", branch: "main", label: "branch main" });
  });

  it("tracks master when no ref is given, as Flux does", () => {
    expect(trackedRefOf({})).toMatchObject({ kind: "branch", branch: "master" });
    expect(trackedRefOf(undefined)).toMatchObject({ kind: "branch", branch: "master" });
  });
});
