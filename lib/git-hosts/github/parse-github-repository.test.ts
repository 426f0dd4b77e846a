import { describe, expect, it } from "vitest";
import { githubApiBaseUrl } from "./github-api-base-url";
import { githubWebUrl } from "./github-web-url";
import { parseGitHubRepository } from "./parse-github-repository";

describe("parseGitHubRepository", () => {
  it.each([
    ["https://github.com/acme/fleet", { host: "github.com", owner: "acme", repo: "fleet" }],
    ["https://github.com/acme/fleet.git", { host: "github.com", owner: "acme", repo: "fleet" }],
    ["https://x-access-token:ghs_secret@github.com/acme/fleet.git/", { host: "github.com", owner: "acme", repo: "fleet" }],
    ["ssh://git@github.com/acme/fleet.git", { host: "github.com", owner: "acme", repo: "fleet" }],
    ["git@github.com:acme/fleet.git", { host: "github.com", owner: "acme", repo: "fleet" }],
    ["https://GHE.example/Platform/my.repo.git", { host: "ghe.example", owner: "Platform", repo: "my.repo" }],
    ["https://ghe.example:8443/platform/fleet", { host: "ghe.example:8443", owner: "platform", repo: "fleet" }],
    ["ssh://git@ghe.example:2222/platform/fleet.git", { host: "ghe.example", owner: "platform", repo: "fleet" }],
    ["git@ghe.example:platform/fleet", { host: "ghe.example", owner: "platform", repo: "fleet" }],
  ])("reads owner and repository from %s", (url, expected) => {
    expect(parseGitHubRepository(url)).toEqual(expected);
  });

  it.each([
    "https://gitlab.example/group/subgroup/fleet.git",
    "https://github.com/acme",
    "file:///srv/git/fleet.git",
    "/srv/git/fleet.git",
    "not a url",
    "https://github.com/acme/..",
  ])("is undefined for %s, which names no GitHub repository", (url) => {
    expect(parseGitHubRepository(url)).toBeUndefined();
  });
});

describe("githubApiBaseUrl and githubWebUrl", () => {
  it("pairs github.com with api.github.com", () => {
    expect(githubApiBaseUrl("github.com")).toBe("https://api.github.com");
    expect(githubWebUrl("https://api.github.com")).toBe("https://github.com");
  });

  it("puts a GitHub Enterprise Server's API under /api/v3 of its host", () => {
    expect(githubApiBaseUrl("ghe.example")).toBe("https://ghe.example/api/v3");
    expect(githubWebUrl("https://ghe.example/api/v3")).toBe("https://ghe.example");
    expect(githubWebUrl("https://ghe.example:8443/api/v3/")).toBe("https://ghe.example:8443");
  });
});
