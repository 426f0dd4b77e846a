import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { classifyGitFailure, reasonLabel } from "./classify-git-failure";
import { credentialEnv } from "./credential-env";
import { noCredentials, secretValuesOf, type GitCredentials } from "./git-credentials";
import { GitError, gitError } from "./git-error";
import { safeUrl } from "./safe-url";

export interface RunGitOptions {
  /** The repository the call concerns, for error messages (made safe first). */
  url: string;
  credentials?: GitCredentials;
  /** A bare repository to run in (`--git-dir`); none for ls-remote. */
  gitDir?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Exit codes that are answers rather than failures (e.g. 1 from `cat-file -e`). */
  okCodes?: readonly number[];
}

export interface GitResult {
  code: number;
  stdout: string;
}

const MAX_STDOUT = 64 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

/**
 * Only what git needs from the machine: its PATH. No system or global git configuration (no
 * credential helpers, no url rewrites), no prompts, no inherited GIT_* or SSH_* variables, and
 * English messages, which classifyGitFailure reads.
 */
function isolatedEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: tmpdir(),
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: "/bin/false",
    GIT_HTTP_LOW_SPEED_LIMIT: "1000",
    GIT_HTTP_LOW_SPEED_TIME: "30",
    ...extra,
  };
  return env as NodeJS.ProcessEnv;
}

/**
 * Runs the system git once, without a shell, in its own process group so that a timeout also
 * ends the ssh or remote-https helper it started. Fails with a GitError whose message names the
 * reason and the safe URL and holds no credential.
 */
export async function runGit(args: string[], opts: RunGitOptions): Promise<GitResult> {
  const credentials = opts.credentials ?? noCredentials;
  const auth = await credentialEnv(credentials);
  try {
    const gitArgs = opts.gitDir ? [`--git-dir=${opts.gitDir}`, ...args] : args;
    const outcome = await spawnGit(gitArgs, isolatedEnv(auth.env), opts).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "ENOENT" ? new GitError({ reason: "unsupported", url: safeUrl(opts.url), message: "git is not installed on the Syncline server" }) : error;
    });
    if (outcome.code === 0 || opts.okCodes?.includes(outcome.code)) return { code: outcome.code, stdout: outcome.stdout };
    const url = safeUrl(opts.url);
    if (outcome.timedOut) throw new GitError({ reason: "timeout", url, message: `${reasonLabel("timeout")} after ${Math.round(opts.timeoutMs / 1000)} s: ${url}` });
    if (outcome.aborted) throw new GitError({ reason: "failed", url, message: `cancelled: ${url}` });
    const { reason, detail } = classifyGitFailure(outcome.stderr, secretValuesOf(credentials));
    throw gitError(reason, url, detail);
  } finally {
    await auth.dispose();
  }
}

interface SpawnOutcome {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
}

function spawnGit(args: string[], env: NodeJS.ProcessEnv, opts: RunGitOptions): Promise<SpawnOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { env, cwd: tmpdir(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = "";
    let timedOut = false;
    let aborted = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes <= MAX_STDOUT) stdout.push(chunk);
      else killGroup();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < MAX_STDERR) stderr += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout).toString("utf8"), stderr, timedOut, aborted });
    });
  });
}
