import { existsSync } from "node:fs";
import { join } from "node:path";
import type { GitClient } from "./client";
import { gitError } from "./git-error";
import { runGit } from "./run-git";

/** A commit as git records it: both people, both times, the parents and the whole message. */
export interface GitCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  authoredAt: string;
  committerName: string;
  committerEmail: string;
  committedAt: string;
  message: string;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const FIELD = "\x1f";
const FORMAT = ["%H", "%P", "%an", "%ae", "%aI", "%cn", "%ce", "%cI", "%B"].join("%x1f");
const TIMEOUT_MS = 120_000;

/** Records of `git log -z` in FORMAT. */
export function parseCommitHistory(output: string): GitCommit[] {
  return output
    .split("\0")
    .filter((record) => record.trim() !== "")
    .map((record) => {
      const [sha = "", parents = "", authorName = "", authorEmail = "", authoredAt = "", committerName = "", committerEmail = "", committedAt = "", ...message] = record.replace(/^\n/, "").split(FIELD);
      return {
        sha,
        parents: parents.split(" ").filter(Boolean),
        authorName,
        authorEmail,
        authoredAt: new Date(authoredAt).toISOString(),
        committerName,
        committerEmail,
        committedAt: new Date(committedAt).toISOString(),
        message: message.join(FIELD).replace(/\n+$/, ""),
      };
    });
}

async function checkInMirror(git: GitClient, url: string, shas: string[], signal?: AbortSignal): Promise<string> {
  const dir = git.mirrorDir(url);
  for (const sha of shas) {
    if (!SHA.test(sha) || !existsSync(join(dir, "HEAD"))) throw gitError("unknown-commit", url, `${sha.slice(0, 80)} is not in the cached clone`);
    const { code } = await runGit(["cat-file", "-e", `${sha}^{commit}`], { url, gitDir: dir, timeoutMs: TIMEOUT_MS, signal, okCodes: [1, 128] });
    if (code !== 0) throw gitError("unknown-commit", url, `${sha} is not in the cached clone`);
  }
  return dir;
}

/**
 * The commits reachable from `to` and not from `from` (all of `to`'s history without `from`, up
 * to `max`), newest first, read from the cached clone, which must hold both (GitClient.ensureCommit).
 */
export async function readCommitHistory(git: GitClient, url: string, range: { from?: string; to: string; max?: number }, signal?: AbortSignal): Promise<GitCommit[]> {
  const dir = await checkInMirror(git, url, range.from ? [range.from, range.to] : [range.to], signal);
  const revisions = range.from ? [`${range.from}..${range.to}`] : [range.to];
  const limit = range.max ? [`--max-count=${range.max}`] : [];
  const { stdout } = await runGit(["log", "-z", `--format=${FORMAT}`, ...limit, ...revisions, "--"], { url, gitDir: dir, timeoutMs: TIMEOUT_MS, signal });
  return parseCommitHistory(stdout);
}

/** Whether `ancestor` is `descendant` or one of its ancestors; both must be in the cached clone. */
export async function isAncestor(git: GitClient, url: string, ancestor: string, descendant: string, signal?: AbortSignal): Promise<boolean> {
  const dir = await checkInMirror(git, url, [ancestor, descendant], signal);
  const { code } = await runGit(["merge-base", "--is-ancestor", ancestor, descendant], { url, gitDir: dir, timeoutMs: TIMEOUT_MS, signal, okCodes: [1] });
  return code === 0;
}
