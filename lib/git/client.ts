import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { dataDir } from "../config/data-dir";
import type { CommitInfo } from "../schemas/drift";
import { noCredentials, type GitCredentials } from "./git-credentials";
import { LOG_FORMAT, parseLog, parseLsRemote } from "./parse-git-output";
import { withRepositoryLock } from "./repository-lock";
import { gitError } from "./git-error";
import { runGit } from "./run-git";
import { safeUrl } from "./safe-url";

export interface GitClientOptions {
  /** Where the bare mirrors live; `<data dir>/git-cache` by default. */
  cacheDir?: string;
  /** ls-remote and fetch; local reads get the same bound. */
  remoteTimeoutMs?: number;
  fetchTimeoutMs?: number;
}

/**
 * The one Git client: any Git server over HTTPS or SSH, through the system git. Remote questions
 * (ls-remote) go to the server; history and trees come from a cached bare mirror per repository
 * URL, created on first use and fetched incrementally, one fetch per repository at a time.
 * Throws GitError.
 */
export interface GitClient {
  /** The commit `ref` (a full name such as "refs/heads/main" or "refs/tags/v1.0") points at on the server; annotated tags are peeled. */
  lsRemote(url: string, ref: string, credentials?: GitCredentials, signal?: AbortSignal): Promise<string>;
  /** Every ref matching `patterns` (ls-remote's tail match, e.g. "refs/tags/*"), annotated tags peeled. */
  listRemoteRefs(url: string, patterns: string[], credentials?: GitCredentials, signal?: AbortSignal): Promise<Map<string, string>>;
  /** Makes sure the mirror has `sha`, fetching only when it does not. */
  ensureCommit(url: string, sha: string, credentials?: GitCredentials, signal?: AbortSignal): Promise<void>;
  /** Commits reachable from `to` but not from `from` (`git log from..to`), newest first; both must be in the mirror. */
  commitsBetween(url: string, from: string, to: string, signal?: AbortSignal): Promise<CommitInfo[]>;
  /** Writes the tree of commit `sha` into `dir` (which must exist), from the mirror. */
  exportTree(url: string, sha: string, dir: string, signal?: AbortSignal): Promise<void>;
  /** The mirror's folder for `url`. */
  mirrorDir(url: string): string;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function createGitClient(options: GitClientOptions = {}): GitClient {
  const cacheDir = () => options.cacheDir ?? join(dataDir(), "git-cache");
  const remoteTimeoutMs = options.remoteTimeoutMs ?? 30_000;
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 120_000;
  const mirrorDir = (url: string) => join(cacheDir(), createHash("sha256").update(safeUrl(url)).digest("hex").slice(0, 32));

  async function listRemoteRefs(url: string, patterns: string[], credentials = noCredentials, signal?: AbortSignal): Promise<Map<string, string>> {
    const { stdout } = await runGit(["ls-remote", "--", url, ...patterns], { url, credentials, timeoutMs: remoteTimeoutMs, signal });
    return parseLsRemote(stdout);
  }

  async function hasCommit(dir: string, url: string, sha: string, signal?: AbortSignal): Promise<boolean> {
    const { code } = await runGit(["cat-file", "-e", `${sha}^{commit}`], { url, gitDir: dir, timeoutMs: remoteTimeoutMs, signal, okCodes: [1, 128] });
    return code === 0;
  }

  /** A new mirror is made beside its final place and renamed into it, so a half-made one is never used. */
  async function openMirror(url: string, signal?: AbortSignal): Promise<string> {
    const dir = mirrorDir(url);
    if (existsSync(join(dir, "HEAD"))) return dir;
    await mkdir(cacheDir(), { recursive: true, mode: 0o700 });
    const staging = await mkdtemp(`${dir}.new-`);
    try {
      await runGit(["init", "--quiet", "--bare", staging], { url, timeoutMs: remoteTimeoutMs, signal });
      // For whoever looks into the cache; the safe URL only, the fetch names the URL each time.
      await runGit(["config", "syncline.url", safeUrl(url)], { url, gitDir: staging, timeoutMs: remoteTimeoutMs, signal });
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return dir;
  }

  async function fetchMirror(dir: string, url: string, credentials: GitCredentials, refspecs: string[], signal?: AbortSignal): Promise<void> {
    // The URL is given on each fetch and no FETCH_HEAD is written, so it is stored nowhere in the mirror.
    await runGit(["fetch", "--quiet", "--prune", "--no-tags", "--no-write-fetch-head", "--", url, ...refspecs], {
      url,
      credentials,
      gitDir: dir,
      timeoutMs: fetchTimeoutMs,
      signal,
    });
  }

  return {
    mirrorDir,
    listRemoteRefs,

    async lsRemote(url, ref, credentials = noCredentials, signal) {
      const refs = await listRemoteRefs(url, [ref], credentials, signal);
      const sha = refs.get(ref);
      if (!sha) throw gitError("unknown-ref", url, `${ref} does not exist on the server`);
      return sha;
    },

    ensureCommit(url, sha, credentials = noCredentials, signal) {
      if (!SHA.test(sha)) return Promise.reject(gitError("unknown-commit", url, `"${sha.slice(0, 80)}" is not a commit id`));
      return withRepositoryLock(mirrorDir(url), async () => {
        const dir = await openMirror(url, signal);
        if (await hasCommit(dir, url, sha, signal)) return;
        await fetchMirror(dir, url, credentials, ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"], signal);
        if (await hasCommit(dir, url, sha, signal)) return;
        // A commit no branch or tag holds any more (force-pushed away): servers that allow it hand it out by id.
        const byId = await fetchMirror(dir, url, credentials, [sha], signal).then(
          () => true,
          () => false,
        );
        if (!byId || !(await hasCommit(dir, url, sha, signal))) throw gitError("unknown-commit", url, `${sha} is not in the repository`);
      });
    },

    async commitsBetween(url, from, to, signal) {
      const dir = mirrorDir(url);
      for (const sha of [from, to]) {
        if (!SHA.test(sha) || !existsSync(join(dir, "HEAD")) || !(await hasCommit(dir, url, sha, signal))) throw gitError("unknown-commit", url, `${sha.slice(0, 80)} is not in the cached clone`);
      }
      const { stdout } = await runGit(["log", `--format=${LOG_FORMAT}`, `${from}..${to}`, "--"], { url, gitDir: dir, timeoutMs: fetchTimeoutMs, signal });
      return parseLog(stdout);
    },

    async exportTree(url, sha, dir, signal) {
      const mirror = mirrorDir(url);
      if (!SHA.test(sha) || !existsSync(join(mirror, "HEAD")) || !(await hasCommit(mirror, url, sha, signal))) throw gitError("unknown-commit", url, `${sha.slice(0, 80)} is not in the cached clone`);
      const archive = join(dir, `.syncline-${randomBytes(6).toString("hex")}.tar`);
      try {
        await runGit(["archive", "--format=tar", `--output=${archive}`, sha], { url, gitDir: mirror, timeoutMs: fetchTimeoutMs, signal });
        await extractTar(archive, dir, url, signal);
      } finally {
        await rm(archive, { force: true });
      }
    },
  };
}

async function extractTar(archive: string, dir: string, url: string, signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C" } as unknown as NodeJS.ProcessEnv;
    execFile("tar", ["-x", "-f", archive, "-C", dir], { timeout: 120_000, encoding: "utf8", env, ...(signal ? { signal } : {}) }, (error: Error | null, _stdout: string, stderr: string) => {
      if (error) reject(gitError("failed", url, `could not unpack the tree: ${stderr.split("\n")[0]}`));
      else resolve();
    });
  });
}

let shared: GitClient | undefined;

/** The process's Git client, caching under the data folder. */
export function gitClient(): GitClient {
  shared ??= createGitClient();
  return shared;
}
