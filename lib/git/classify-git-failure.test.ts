import { describe, expect, it } from "vitest";
import { classifyGitFailure, scrub } from "./classify-git-failure";

describe("classifyGitFailure", () => {
  it.each([
    ["fatal: could not read Username for 'https://git.example.com': terminal prompts disabled", "authentication-failed"],
    ["remote: Invalid username or password.\nfatal: Authentication failed for 'https://git.example.com/a.git/'", "authentication-failed"],
    ["git@git.example.com: Permission denied (publickey).\nfatal: Could not read from remote repository.", "authentication-failed"],
    ["fatal: unable to access 'https://git.example.com/a.git/': Could not resolve host: git.example.com", "host-unreachable"],
    ["fatal: unable to access 'https://127.0.0.1:1/x.git/': Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server", "host-unreachable"],
    ["ssh: connect to host 127.0.0.1 port 1: Connection refused\nfatal: Could not read from remote repository.", "host-unreachable"],
    ["No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\nHost key verification failed.", "host-key-mismatch"],
    ["fatal: unable to access 'https://x/': server certificate verification failed. CAfile: none CRLfile: none", "tls-failed"],
    ["fatal: unable to access 'https://x/': SSL certificate problem: self-signed certificate in certificate chain", "tls-failed"],
    ["fatal: repository 'https://git.example.com/nope.git/' not found", "repository-not-found"],
    ["fatal: something new went wrong", "failed"],
  ])("reads %j as %s", (stderr, reason) => {
    expect(classifyGitFailure(stderr, []).reason).toBe(reason);
  });

  it("keeps the telling line without git's prefix", () => {
    expect(classifyGitFailure("hint: x\nfatal: repository 'https://h/r.git/' not found\n", []).detail).toBe("repository 'https://h/r.git/' not found");
  });

  it("never repeats a secret that git echoed", () => {
    const { detail } = classifyGitFailure("fatal: Authentication failed for 'https://bob:hunter2-secret@h/r.git/' with Authorization: Basic Ym9iOmh1bnRlcjI=", ["hunter2-secret"]);
    expect(detail).not.toContain("hunter2-secret");
    expect(detail).not.toContain("Ym9iOmh1bnRlcjI=");
  });
});

describe("scrub", () => {
  it("removes credentials from URLs, Authorization values and every listed secret", () => {
    expect(scrub("https://u:p4ss@h/r token=abcd1234 Bearer abc.def", ["abcd1234"])).toBe("https://h/r token=[redacted] Bearer [redacted]");
  });
});
