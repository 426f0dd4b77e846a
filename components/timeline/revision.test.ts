import { describe, expect, it } from "vitest";
import { shortRevision } from "./revision";

describe("shortRevision", () => {
  it("shortens Flux's Git revisions to the branch and a 7-character sha", () => {
    expect(shortRevision("main@sha1:0123456789abcdef0123456789abcdef01234567")).toBe("main@0123456");
    expect(shortRevision("sha256:abcdef0123456789")).toBe("abcdef0");
  });

  it("leaves a chart version or a tag as it is", () => {
    expect(shortRevision("6.7.1")).toBe("6.7.1");
    expect(shortRevision("v1.2.3@sha256:zz")).toBe("v1.2.3@sha256:zz");
  });
});
