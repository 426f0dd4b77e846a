import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Person {
  name: string;
  email: string;
}

/** A real Git repository in a temporary folder, written with the git CLI at fixed times. */
export interface ScratchRepository {
  /** The folder, which git also takes as the repository's URL. */
  url: string;
  /** A commit by `author` at `at` on the current branch; returns its sha. */
  commit(author: Person, message: string, at: Date, files?: Record<string, string>): string;
  /** A merge of `branch` into the current branch (a real merge commit). */
  merge(author: Person, branch: string, message: string, at: Date): string;
  /** Runs git in the work tree; returns its trimmed output. */
  git(...args: string[]): string;
  remove(): void;
}

export function scratchRepository(): ScratchRepository {
  const url = mkdtempSync(join(tmpdir(), "syncline-scratch-repo-"));
  const run = (args: string[], env: Record<string, string> = {}) =>
    execFileSync("git", args, { cwd: url, encoding: "utf8", env: { ...process.env, HOME: url, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", ...env } }).trim();
  const who = (author: Person, at: Date) => {
    const date = `${Math.floor(at.getTime() / 1000)} +0000`;
    return { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  };
  run(["init", "--quiet", "--initial-branch=main"]);
  let counter = 0;
  return {
    url,
    commit(author, message, at, files) {
      for (const [name, content] of Object.entries(files ?? { [`change-${++counter}.txt`]: message })) writeFileSync(join(url, name), content);
      run(["add", "--all"]);
      run(["commit", "--quiet", "--allow-empty", "-m", message], who(author, at));
      return run(["rev-parse", "HEAD"]);
    },
    merge(author, branch, message, at) {
      run(["merge", "--quiet", "--no-ff", "-m", message, branch], who(author, at));
      return run(["rev-parse", "HEAD"]);
    },
    git: (...args) => run(args),
    remove: () => rmSync(url, { recursive: true, force: true }),
  };
}
