import { describe, expect, it } from "vitest";
import { parseFluxRevision } from "./parse-flux-revision";

const sha = "8ba98cdb2faf4106d285ca370926314b440988a6";

describe("parseFluxRevision", () => {
  it.each([
    [`main@sha1:${sha}`, "main", sha],
    [`v1.0@sha1:${sha}`, "v1.0", sha],
    [`refs/pull/7/head@sha1:${sha}`, "refs/pull/7/head", sha],
    [`feature/a@b@sha1:${sha}`, "feature/a@b", sha],
    [`sha1:${sha}`, null, sha],
    [`main/${sha}`, "main", sha],
    [`release/2.x/${sha}`, "release/2.x", sha],
    [sha, null, sha],
    [`main@sha1:${sha.toUpperCase()}`, "main", sha],
  ])("reads the ref and commit of %s", (revision, ref, commit) => {
    expect(parseFluxRevision(revision)).toEqual({ ref, sha: commit });
  });

  it.each([["6.5.0"], ["latest@sha256:" + "ab".repeat(16)], [""], [null], [undefined], [`main@sha1:${sha.slice(1)}`]])("finds no commit in %s", (revision) => {
    expect(parseFluxRevision(revision).sha).toBeNull();
  });
});
