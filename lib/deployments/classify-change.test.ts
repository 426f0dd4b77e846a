import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createGitClient, isAncestor, noCredentials } from "@/lib/git";
import { scratchRepository } from "@/tests/support/git-repository";
import { classifyChange } from "./classify-change";

const alice = { name: "Alice Martin", email: "alice@example.com" };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

// main: a ← b ← c; then main is force-pushed to a ← d (b and c rewritten away).
const repo = scratchRepository();
const a = repo.commit(alice, "a", at(0));
const b = repo.commit(alice, "b", at(1));
const c = repo.commit(alice, "c", at(2));
repo.git("reset", "--quiet", "--hard", a);
const d = repo.commit(alice, "d (rewritten)", at(3));
const cache = mkdtempSync(join(tmpdir(), "syncline-git-cache-"));
const git = createGitClient({ cacheDir: cache });

afterAll(() => {
  repo.remove();
  rmSync(cache, { recursive: true, force: true });
});

const revision = (sha: string) => ({ revision: `main@sha1:${sha}`, sha });

/** The change from `previous` to `current`, with ancestry asked of real git. */
async function change(previous: string, current: string) {
  for (const sha of [previous, current]) await git.ensureCommit(repo.url, sha, noCredentials);
  const ancestry = { previousIsAncestor: await isAncestor(git, repo.url, previous, current), currentIsAncestor: await isAncestor(git, repo.url, current, previous) };
  return classifyChange(revision(previous), revision(current), ancestry);
}

describe("how a deployment's revision moved", () => {
  it("is forward when new commits sit on top of the previous revision", async () => {
    expect(await change(a, c)).toBe("forward");
  });

  it("is a rollback when the new revision is an older commit of the same history", async () => {
    expect(await change(c, b)).toBe("rollback");
  });

  it("is a force-push when neither revision descends from the other", async () => {
    expect(await change(c, d)).toBe("force_push");
  });

  it("is initial without a previous revision, and a redeploy for the same revision again", () => {
    expect(classifyChange(null, revision(a), null)).toBe("initial");
    expect(classifyChange(revision(b), revision(b), null)).toBe("redeploy");
  });

  it("is forward for a changed chart version, which names no commit", () => {
    expect(classifyChange({ revision: "1.2.0", sha: null }, { revision: "1.3.0", sha: null }, null)).toBe("forward");
  });
});
