import { describe, expect, it } from "vitest";
import { isSshUrl, safeUrl } from "./safe-url";

describe("safeUrl", () => {
  it("drops user and password from HTTP(S) URLs", () => {
    expect(safeUrl("https://oauth2:glpat-secret@gitlab.example.com/team/fleet.git")).toBe("https://gitlab.example.com/team/fleet.git");
    expect(safeUrl("http://token@git.example.com/fleet.git")).toBe("http://git.example.com/fleet.git");
  });

  it("keeps an SSH user, which is no secret, and drops a password", () => {
    expect(safeUrl("ssh://git@github.com/acme/fleet.git")).toBe("ssh://git@github.com/acme/fleet.git");
    expect(safeUrl("ssh://git:pw@host:2222/fleet.git")).toBe("ssh://git@host:2222/fleet.git");
    expect(safeUrl("git@github.com:acme/fleet.git")).toBe("git@github.com:acme/fleet.git");
  });
});

describe("isSshUrl", () => {
  it.each([
    ["ssh://git@host/r.git", true],
    ["git@github.com:acme/fleet.git", true],
    ["https://host/r.git", false],
    ["http://host:8080/r.git", false],
    ["/srv/git/r.git", false],
  ])("%s is SSH: %s", (url, ssh) => {
    expect(isSshUrl(url)).toBe(ssh);
  });
});
