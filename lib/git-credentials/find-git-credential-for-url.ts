import { db } from "../db/client";
import type { GitCredential } from "../db/generated/client";
import type { GitCredentials } from "../git";
import { safeUrl } from "../git";
import { openGitCredentialSecret } from "./git-credential-secret";
import { toGitCredentials } from "./to-git-credentials";

/** How Syncline reaches GitHub's REST API with a stored credential. */
export type GitHubAccess =
  | { kind: "token"; token: string }
  | { kind: "app"; appId: string; privateKey: string; installationId: number };

/** The stored credential that applies to a repository, opened for lib/git and, for GitHub kinds, for GitHub's API. */
export interface MatchedGitCredential {
  id: string;
  name: string;
  /** The REST API root for GitHub kinds (null: https://api.github.com); undefined for other kinds. */
  githubBaseUrl?: string | null;
  /** GitHub kinds: the secret opened for GitHub's API, only when called. */
  github(): GitHubAccess | undefined;
  git(signal?: AbortSignal): Promise<GitCredentials>;
}

/** The host of an http(s), ssh or scp-like URL, lower case with its port; undefined for anything else. */
function hostOf(url: string): string | undefined {
  const scpLike = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)/.exec(url);
  if (scpLike?.[1] && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return scpLike[1].toLowerCase();
  try {
    return new URL(url).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** How much of `url` the pattern covers, or -1 when it does not apply: a host covers its whole host, a prefix its length. */
export function urlPatternMatchLength(pattern: string, url: string): number {
  const safe = safeUrl(url);
  if (/^[a-z0-9.-]+(:\d+)?$/i.test(pattern)) return hostOf(safe) === pattern.toLowerCase() ? pattern.length : -1;
  return safe.toLowerCase().startsWith(pattern.toLowerCase()) ? pattern.length + 1_000 : -1;
}

/**
 * The credential the store holds for `url`: of those whose urlPattern covers it, the most specific
 * (a URL prefix over a host, a longer prefix over a shorter one). Undefined when none applies.
 * Internal: what it opens holds the secret and goes to lib/git and lib/git-hosts only.
 */
export async function findGitCredentialForUrl(url: string): Promise<MatchedGitCredential | undefined> {
  const rows = await db().gitCredential.findMany();
  const best = rows
    .map((row) => ({ row, length: urlPatternMatchLength(row.urlPattern, url) }))
    .filter((candidate) => candidate.length >= 0)
    .sort((a, b) => b.length - a.length || a.row.name.localeCompare(b.row.name))[0]?.row;
  return best && matched(best);
}

function matched(row: GitCredential): MatchedGitCredential {
  const base = { id: row.id, name: row.name, git: (signal?: AbortSignal) => toGitCredentials(row, signal), github: () => undefined };
  if (row.kind !== "github_token" && row.kind !== "github_app") return base;
  const github = (): GitHubAccess | undefined => {
    const secret = openGitCredentialSecret(row.secretEncrypted);
    if ("token" in secret) return { kind: "token", token: secret.token };
    if ("privateKey" in secret && row.appId && row.installationId) return { kind: "app", appId: row.appId, privateKey: secret.privateKey, installationId: Number(row.installationId) };
    return undefined;
  };
  return { ...base, githubBaseUrl: row.githubBaseUrl, github };
}
