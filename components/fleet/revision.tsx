/**
 * Flux revisions are long: "main@sha1:<40 hex>", "sha256:<64 hex>", "6.5.0@sha256:…".
 * Shown as "main@6a1b2c3" with the full revision on hover.
 */
export function shortRevision(revision: string): string {
  const match = /^(?:(.+)[@/])?(sha1:|sha256:)?([0-9a-f]{40,64})$/.exec(revision);
  if (!match) return revision;
  const [, ref, algorithm, digest] = match;
  const short = algorithm === "sha256:" ? `sha256:${digest!.slice(0, 12)}` : digest!.slice(0, 7);
  return ref ? `${ref}@${short}` : short;
}

export function Revision({ value }: { value: string | null }) {
  if (!value) return <span className="text-fg-subtle">—</span>;
  return (
    <span title={value} className="font-mono text-xs">
      {shortRevision(value)}
    </span>
  );
}
