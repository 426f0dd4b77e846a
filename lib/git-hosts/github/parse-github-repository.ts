/** A repository on a GitHub host: `host` is github.com or a GitHub Enterprise Server's host (with its port, if any). */
export interface GitHubRepository {
  host: string;
  owner: string;
  repo: string;
}

const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * The owner and repository a Git URL names, for the forms GitHub offers: https://host/owner/repo(.git),
 * ssh://git@host[:port]/owner/repo(.git) and scp-like git@host:owner/repo(.git). Undefined for
 * anything else, including deeper paths (a GitLab subgroup is no GitHub repository). For a
 * GitHub Enterprise Server reached over SSH on another port, `host` keeps the HTTPS host only.
 */
export function parseGitHubRepository(url: string): GitHubRepository | undefined {
  const trimmed = url.trim();
  const scpLike = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)(.+)$/.exec(trimmed);
  if (scpLike?.[1] && scpLike[2] && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return fromPath(scpLike[1].toLowerCase(), scpLike[2]);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (parsed.protocol === "ssh:") return fromPath(parsed.hostname.toLowerCase(), parsed.pathname);
  if (parsed.protocol === "https:" || parsed.protocol === "http:") return fromPath(parsed.host.toLowerCase(), parsed.pathname);
  return undefined;
}

function fromPath(host: string, path: string): GitHubRepository | undefined {
  const [owner, name, ...rest] = path.replace(/^\/+|\/+$/g, "").split("/");
  if (owner === undefined || name === undefined || rest.length > 0) return undefined;
  const repo = name.replace(/\.git$/i, "");
  if (!host || !NAME.test(owner) || !NAME.test(repo) || repo === "." || repo === "..") return undefined;
  return { host, owner, repo };
}
