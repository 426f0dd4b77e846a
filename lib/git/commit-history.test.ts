import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scratchRepository } from "@/tests/support/git-repository";
import { createGitClient } from "./client";
import { isAncestor, readCommitHistory } from "./commit-history";
import { noCredentials } from "./git-credentials";

const alice = { name: "Alice Martin", email: "alice@example.com" };
const zoe = { name: "Zoë Ångström", email: "zoe@example.com" };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

const repo = scratchRepository();
const cache = mkdtempSync(join(tmpdir(), "syncline-git-cache-"));
const git = createGitClient({ cacheDir: cache });
const base = repo.commit(alice, "first", at(0));
repo.git("checkout", "--quiet", "-b", "feature");
const feature = repo.commit(zoe, "web: bump podinfo\n\nWhy: the 6.7 fixes", at(1));
repo.git("checkout", "--quiet", "main");
const direct = repo.commit(alice, "ops: direct push", at(2));
const merge = repo.merge(alice, "feature", "Merge feature", at(3));

afterAll(() => {
  repo.remove();
  rmSync(cache, { recursive: true, force: true });
});

describe("readCommitHistory", () => {
  it("reads every commit a merge brings in, newest first, with parents, both people and the whole message", async () => {
    await git.ensureCommit(repo.url, merge, noCredentials);
    const history = await readCommitHistory(git, repo.url, { from: base, to: merge });
    expect(history.map((c) => c.sha)).toEqual([merge, direct, feature]);
    expect(history[0]).toMatchObject({ parents: [direct, feature], authorName: alice.name, committerEmail: alice.email, committedAt: at(3).toISOString(), message: "Merge feature" });
    expect(history[2]).toMatchObject({ parents: [base], authorName: "Zoë Ångström", authoredAt: at(1).toISOString(), message: "web: bump podinfo\n\nWhy: the 6.7 fixes" });
  });

  it("reads the newest commits of a revision without a range, up to the bound", async () => {
    expect((await readCommitHistory(git, repo.url, { to: merge, max: 2 })).map((c) => c.sha)).toEqual([merge, direct]);
  });

  it("refuses a commit the cached clone does not hold", async () => {
    await expect(readCommitHistory(git, repo.url, { to: "f".repeat(40) })).rejects.toMatchObject({ name: "GitError", reason: "unknown-commit" });
  });
});

describe("isAncestor", () => {
  it("says a commit descends from its merge base and not the other way round", async () => {
    expect(await isAncestor(git, repo.url, feature, merge)).toBe(true);
    expect(await isAncestor(git, repo.url, merge, feature)).toBe(false);
    expect(await isAncestor(git, repo.url, direct, feature)).toBe(false);
  });
});
