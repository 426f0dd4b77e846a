import type { CommitInfo } from "../schemas/drift";

/** ls-remote's "<sha>\t<ref>" lines as ref -> commit; an annotated tag maps to the commit it points at (its ^{} line). */
export function parseLsRemote(output: string): Map<string, string> {
  const refs = new Map<string, string>();
  const peeled = new Map<string, string>();
  for (const line of output.split("\n")) {
    const [sha, ref] = line.trim().split("\t");
    if (!sha || !ref) continue;
    if (ref.endsWith("^{}")) peeled.set(ref.slice(0, -3), sha);
    else refs.set(ref, sha);
  }
  for (const [ref, sha] of peeled) refs.set(ref, sha);
  return refs;
}

const FIELD = "\x1f";
const RECORD = "\x1e";

/** The --format for parseLog: sha, author name, author email, committer date, subject. */
export const LOG_FORMAT = ["%H", "%an", "%ae", "%cI", "%s"].join("%x1f") + "%x1e";

export function parseLog(output: string): CommitInfo[] {
  return output
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ""))
    .filter(Boolean)
    .map((record) => {
      const [sha = "", author = "", email = "", date = "", message = ""] = record.split(FIELD);
      return { sha, author, email, committedAt: new Date(date).toISOString(), message };
    });
}
