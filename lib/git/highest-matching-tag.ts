import semver from "semver";

/**
 * The tag Flux checks out for `spec.ref.semver`: the highest version among the tags that satisfies
 * the range. Tags that are not versions (a leading "v" is allowed) are ignored, as are
 * pre-releases unless the range names one. Null when none matches.
 */
export function highestMatchingTag(tags: Iterable<string>, range: string): string | null {
  let best: { tag: string; version: string } | null = null;
  for (const tag of tags) {
    const version = semver.valid(tag, { loose: true });
    if (!version || !semver.satisfies(version, range, { loose: true })) continue;
    if (!best || semver.gt(version, best.version)) best = { tag, version };
  }
  return best?.tag ?? null;
}
