"use client";

import { useState } from "react";

/**
 * Flux revisions are long: "main@sha1:<40 hex>", "sha256:<64 hex>", "6.5.0@sha256:…".
 * Shown as "main@6a1b2c3"; pressing it shows the full revision in place (keyboard and touch alike).
 */
export function shortRevision(revision: string): string {
  const match = /^(?:(.+)[@/])?(sha1:|sha256:)?([0-9a-f]{40,64})$/.exec(revision);
  if (!match) return revision;
  const [, ref, algorithm, digest] = match;
  const short = algorithm === "sha256:" ? `sha256:${digest!.slice(0, 12)}` : digest!.slice(0, 7);
  return ref ? `${ref}@${short}` : short;
}

export function Revision({ value }: { value: string | null }) {
  const [full, setFull] = useState(false);
  if (!value) return <span className="text-fg-subtle">—</span>;
  const short = shortRevision(value);
  if (short === value) return <span className="font-mono text-xs break-all">{value}</span>;
  return (
    <button
      type="button"
      aria-expanded={full}
      aria-label={full ? undefined : `${short}, show the full revision`}
      onClick={() => setFull((shown) => !shown)}
      className="max-w-full rounded text-left font-mono text-xs break-all hover:underline"
    >
      {full ? value : short}
    </button>
  );
}
