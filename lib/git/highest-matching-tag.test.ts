import { describe, expect, it } from "vitest";
import { highestMatchingTag } from "./highest-matching-tag";

describe("highestMatchingTag", () => {
  const tags = ["v1.0.0", "v1.2.0", "1.10.0", "v2.0.0", "v2.1.0-rc.1", "latest", "release-3"];

  it("picks the highest version in the range, with or without a leading v", () => {
    expect(highestMatchingTag(tags, ">=1.0.0 <2.0.0")).toBe("1.10.0");
    expect(highestMatchingTag(tags, "1.x")).toBe("1.10.0");
    expect(highestMatchingTag(tags, "~1.2")).toBe("v1.2.0");
    expect(highestMatchingTag(tags, "*")).toBe("v2.0.0");
  });

  it("takes a pre-release only when the range names one", () => {
    expect(highestMatchingTag(tags, ">=2.1.0-rc.0")).toBe("v2.1.0-rc.1");
  });

  it("finds nothing when no tag matches", () => {
    expect(highestMatchingTag(tags, ">=5")).toBeNull();
    expect(highestMatchingTag([], "*")).toBeNull();
  });
});
