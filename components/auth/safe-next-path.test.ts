import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

// The page receives `next` already percent-decoded: ?next=/%09/evil.example arrives as "/\t/evil.example".
const BASE = "https://syncline.example.com";
const landsOn = (path: string) => new URL(path, BASE);

describe("where signing in leads", () => {
  it("keeps a deep link on Syncline, with its query and fragment", () => {
    expect(safeNextPath("/audit?action=cluster.add")).toBe("/audit?action=cluster.add");
    expect(safeNextPath("/clusters/c1/objects/Kustomization/flux-system/apps#events")).toBe("/clusters/c1/objects/Kustomization/flux-system/apps#events");
  });

  it.each([
    ["a tab after the slash", "/\t/evil.example"],
    ["a newline after the slash", "/\n/evil.example"],
    ["a carriage return and newline", "/\r\n/evil.example"],
    ["a backslash", "/\\evil.example"],
    ["two backslashes", "/\\\\evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a dot segment before two slashes", "/.//evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
  ])("never leaves Syncline for %s", (_, next) => {
    const path = safeNextPath(next);
    expect(landsOn(path).origin).toBe(BASE);
    expect(path.startsWith("//")).toBe(false);
  });

  it("never hands back a control character that would break the Location header", () => {
    for (const next of ["/a\nb", "/x\r\nSet-Cookie: a=b", "/%0A/evil.example"]) {
      expect(safeNextPath(next)).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
  });

  it("falls back to the fleet for nothing, the sign-in page itself, or several values", () => {
    expect(safeNextPath(undefined)).toBe("/clusters");
    expect(safeNextPath("")).toBe("/clusters");
    expect(safeNextPath("/sign-in?next=/x")).toBe("/clusters");
    expect(safeNextPath(["/audit", "//evil.example"])).toBe("/audit");
  });
});
