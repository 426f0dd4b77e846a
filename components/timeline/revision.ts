import type { DeploymentChange } from "@/lib/schemas/timeline";

/** "main@sha1:0123456789abcdef…" → "main@0123456"; a chart version or tag stays as it is. */
export function shortRevision(revision: string): string {
  const match = /^(?:(.+)@)?sha(?:1|256):([0-9a-f]+)$/.exec(revision);
  if (!match) return revision;
  return match[1] ? `${match[1]}@${match[2]!.slice(0, 7)}` : match[2]!.slice(0, 7);
}

export const changeLabel: Record<DeploymentChange, string> = {
  initial: "First deployment",
  forward: "Forward",
  rollback: "Rollback",
  "force-push": "Force-push",
  redeploy: "Redeploy",
};
