import { gitError, highestMatchingTag, type GitClient, type GitCredentials } from "../git";
import type { TrackedRef } from "./tracked-ref";

const TAG_PREFIX = "refs/tags/";

/**
 * The commit a GitRepository's ref points at on the Git host now, asked with `git ls-remote`; for a
 * semver range, the highest matching tag's commit, as Flux picks it. A pinned commit is its own head.
 */
export async function readGitHead(git: GitClient, url: string, ref: TrackedRef, credentials: GitCredentials, signal?: AbortSignal): Promise<string> {
  switch (ref.kind) {
    case "commit":
      return ref.commit;
    case "name":
      return git.lsRemote(url, ref.name, credentials, signal);
    case "tag":
      return git.lsRemote(url, `${TAG_PREFIX}${ref.tag}`, credentials, signal);
    case "branch":
      return git.lsRemote(url, `refs/heads/${ref.branch}`, credentials, signal);
    case "semver": {
      const tags = await git.listRemoteRefs(url, [`${TAG_PREFIX}*`], credentials, signal);
      const names = [...tags.keys()].filter((name) => name.startsWith(TAG_PREFIX)).map((name) => name.slice(TAG_PREFIX.length));
      const tag = highestMatchingTag(names, ref.range);
      if (!tag) throw gitError("unknown-ref", url, `no tag matches semver ${ref.range}`);
      return tags.get(`${TAG_PREFIX}${tag}`)!;
    }
  }
}
