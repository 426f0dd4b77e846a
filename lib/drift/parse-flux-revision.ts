/** A Git revision as Flux writes it, split into what it names and the commit. */
export interface ParsedRevision {
  /** The branch, tag or ref name, when the revision carries one. */
  ref: string | null;
  /** The commit id, lower case; null when the revision holds none (e.g. an OCI digest or a chart version). */
  sha: string | null;
}

const COMMIT = "[0-9a-f]{40}(?:[0-9a-f]{24})?";
const CURRENT = new RegExp(`^(?:(.+)@)?sha(?:1|256):(${COMMIT})$`, "i");
const LEGACY = new RegExp(`^(.+)/(${COMMIT})$`, "i");
const BARE = new RegExp(`^(${COMMIT})$`, "i");

/**
 * Flux's Git revisions: "main@sha1:<sha>", "v1.0@sha1:<sha>", "refs/pull/1/head@sha1:<sha>",
 * "sha1:<sha>" (a commit without a ref), the pre-2.0 "main/<sha>", and a bare sha.
 */
export function parseFluxRevision(revision: string | null | undefined): ParsedRevision {
  const text = revision?.trim();
  if (!text) return { ref: null, sha: null };
  const current = CURRENT.exec(text);
  if (current) return { ref: current[1] ?? null, sha: current[2]!.toLowerCase() };
  const legacy = LEGACY.exec(text);
  if (legacy) return { ref: legacy[1]!, sha: legacy[2]!.toLowerCase() };
  const bare = BARE.exec(text);
  return { ref: null, sha: bare ? bare[1]!.toLowerCase() : null };
}
