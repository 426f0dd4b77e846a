import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const alice = { name: "Alice Martin", email: "alice@example.com", login: "alice" };
export const zoe = { name: "Zoë Lefèvre", email: "zoe@example.com", login: "zoe" };

/**
 * A real bare repository with the history GitHub users make: on main, a first commit; then a
 * merge train of two pull requests (#1: Zoë's and Alice's commits, merged by carol; #2: Zoë's,
 * merged by dave) with real merge commits; then Alice's direct push with no pull request.
 */
export interface MergeTrainRepository {
  /** The folder holding the bare repository and its work tree; the caller removes it. */
  root: string;
  gitDir: string;
  initial: string;
  /** PR #1's commits, then its merge commit. */
  first: string;
  second: string;
  firstMerge: string;
  /** PR #2's commit, then its merge commit. */
  third: string;
  secondMerge: string;
  directPush: string;
}

export async function createMergeTrainRepository(): Promise<MergeTrainRepository> {
  const root = await mkdtemp(join(tmpdir(), "github-emulator-"));
  const work = join(root, "work");
  const gitDir = join(root, "fleet.git");
  let clock = Date.parse("2026-03-02T09:00:00Z") / 1000;
  const git = async (args: string[], who = alice) => {
    clock += 60;
    const env = { ...process.env, GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_AUTHOR_DATE: `${clock} +0000`, GIT_COMMITTER_DATE: `${clock} +0000`, GIT_CONFIG_NOSYSTEM: "1", HOME: root };
    return (await run("git", ["-C", work, ...args], { env, encoding: "utf8" })).stdout.trim();
  };
  const commit = async (message: string, who: typeof alice) => {
    await git(["commit", "--quiet", "--allow-empty", "-m", message], who);
    return git(["rev-parse", "HEAD"]);
  };
  const merge = async (branch: string, message: string) => {
    await git(["merge", "--quiet", "--no-ff", "-m", message, branch]);
    return git(["rev-parse", "HEAD"]);
  };

  await run("git", ["init", "--quiet", "--bare", "--initial-branch=main", gitDir]);
  await run("git", ["init", "--quiet", "--initial-branch=main", work]);
  const initial = await commit("Add the fleet", alice);
  await git(["checkout", "--quiet", "-b", "feature/podinfo"]);
  const first = await commit("Deploy podinfo 6.7", zoe);
  const second = await commit("Scale podinfo to 3 replicas", alice);
  await git(["checkout", "--quiet", "main"]);
  const firstMerge = await merge("feature/podinfo", "Merge pull request #1 from acme/feature/podinfo");
  await git(["checkout", "--quiet", "-b", "feature/limits"]);
  const third = await commit("Set podinfo memory limits", zoe);
  await git(["checkout", "--quiet", "main"]);
  const secondMerge = await merge("feature/limits", "Merge pull request #2 from acme/feature/limits");
  const directPush = await commit("Hotfix: podinfo image tag", alice);
  await git(["push", "--quiet", gitDir, "main", "feature/podinfo", "feature/limits"]);
  return { root, gitDir, initial, first, second, firstMerge, third, secondMerge, directPush };
}
