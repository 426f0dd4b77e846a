/** What a GitRepository follows, in the order Flux gives precedence: commit, name, semver, tag, branch. */
export type TrackedRef =
  | { kind: "commit"; commit: string; label: string }
  | { kind: "name"; name: string; label: string }
  | { kind: "semver"; range: string; label: string }
  | { kind: "tag"; tag: string; label: string }
  | { kind: "branch"; branch: string; label: string };

export interface GitRepositoryRef {
  branch?: string;
  tag?: string;
  semver?: string;
  name?: string;
  commit?: string;
}

/** Flux's default when `spec.ref` is absent. */
const DEFAULT_BRANCH = "master";

export function trackedRefOf(spec: { ref?: GitRepositoryRef } | undefined): TrackedRef {
  const ref = spec?.ref ?? {};
  if (ref.commit) return { kind: "commit", commit: ref.commit.toLowerCase(), label: `commit ${ref.commit.slice(0, 12)}` };
  if (ref.name) return { kind: "name", name: ref.name, label: `ref ${ref.name}` };
  if (ref.semver) return { kind: "semver", range: ref.semver, label: `semver ${ref.semver}` };
  if (ref.tag) return { kind: "tag", tag: ref.tag, label: `tag ${ref.tag}` };
  const branch = ref.branch || DEFAULT_BRANCH;
  return { kind: "branch", branch, label: `branch ${branch}` };
}
