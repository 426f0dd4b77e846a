import { describe, expect, it } from "vitest";
import { parseLog, parseLsRemote } from "./parse-git-output";

const a = "a".repeat(40);
const b = "b".repeat(40);
const c = "c".repeat(40);

describe("parseLsRemote", () => {
  it("maps refs to commits, an annotated tag to the commit it points at", () => {
    const refs = parseLsRemote(`${a}\tHEAD\n${a}\trefs/heads/main\n${b}\trefs/tags/v1.0\n${c}\trefs/tags/v1.0^{}\n`);
    expect(Object.fromEntries(refs)).toEqual({ HEAD: a, "refs/heads/main": a, "refs/tags/v1.0": c });
  });
});

describe("parseLog", () => {
  it("reads author, email, committer time and subject, keeping names as written", () => {
    const out = `${a}\x1fZoë Ångström\x1fzoe@example.com\x1f2026-12-01T21:02:03+01:00\x1fweb: bump to 6.7.2\x1e\n${b}\x1fDev\x1fdev@example.com\x1f2026-12-01T19:00:00Z\x1fsubject | with\ttab\x1e\n`;
    expect(parseLog(out)).toEqual([
      { sha: a, author: "Zoë Ångström", email: "zoe@example.com", committedAt: "2026-12-01T20:02:03.000Z", message: "web: bump to 6.7.2" },
      { sha: b, author: "Dev", email: "dev@example.com", committedAt: "2026-12-01T19:00:00.000Z", message: "subject | with\ttab" },
    ]);
  });

  it("reads no commits from no output", () => {
    expect(parseLog("")).toEqual([]);
  });
});
