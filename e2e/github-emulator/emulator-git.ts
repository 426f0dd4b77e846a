import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface EmulatedCommit {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

/** Reads a real bare repository with the system git, as GitHub's answers are derived from one. */
export function emulatorGit(gitDir: string) {
  const git = async (args: string[]) => (await run("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })).stdout;
  const ok = (args: string[]) => git(args).then(() => true, () => false);

  async function resolve(revision: string): Promise<string | undefined> {
    if (revision.startsWith("-")) return undefined;
    return git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]).then((out) => out.trim(), () => undefined);
  }

  async function commit(sha: string): Promise<EmulatedCommit> {
    const out = await git(["show", "-s", "--format=%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B", sha]);
    const [full, tree, parents, an, ae, ad, cn, ce, cd, ...message] = out.split("\0");
    return {
      sha: full ?? sha,
      tree: tree ?? "",
      parents: (parents ?? "").split(" ").filter(Boolean),
      author: { name: an ?? "", email: ae ?? "", date: isoUtc(ad) },
      committer: { name: cn ?? "", email: ce ?? "", date: isoUtc(cd) },
      message: message.join("\0").replace(/\n+$/, ""),
    };
  }

  /** `git rev-list --reverse from..to`: oldest first, as GitHub's compare lists them. */
  async function revList(from: string | undefined, to: string): Promise<string[]> {
    const out = await git(["rev-list", "--topo-order", "--reverse", from ? `${from}..${to}` : to]);
    return out.split("\n").filter(Boolean);
  }

  return {
    resolve,
    commit,
    revList,
    mergeBase: (a: string, b: string) => git(["merge-base", a, b]).then((out) => out.trim(), () => undefined),
    isAncestor: (ancestor: string, descendant: string) => ok(["merge-base", "--is-ancestor", ancestor, descendant]),
  };
}

export type EmulatorGit = ReturnType<typeof emulatorGit>;

/** GitHub writes times in UTC with a Z. */
function isoUtc(date: string | undefined): string {
  return new Date(date ?? 0).toISOString().replace(/\.\d{3}Z$/, "Z");
}
