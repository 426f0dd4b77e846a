import type { Tone } from "@/components/ui/badge";
import { rolloutStateMoving } from "@/lib/queries/rollout-settled";
import type { ClusterPlanAction, ClusterRolloutDto, RolloutState, SourceDto, SourceRef } from "@/lib/schemas/sources";

interface StateLook {
  label: string;
  tone: Tone;
  /** What the state means for the user, shown on hover and to screen readers. */
  meaning: string;
}

const looks: Record<RolloutState, StateLook> = {
  pending: { label: "Pending", tone: "info", meaning: "Not applied on this cluster yet; Syncline applies it shortly" },
  unreachable: { label: "Unreachable", tone: "warn", meaning: "The cluster cannot be reached; the change is pending and is applied when it returns" },
  failed: { label: "Apply failed", tone: "fail", meaning: "The cluster refused Syncline's apply" },
  applied: { label: "Applied", tone: "info", meaning: "The objects are on the cluster; Flux has not fetched the repository yet" },
  fetched: { label: "Fetched", tone: "info", meaning: "Flux fetched the repository and is applying it" },
  reconciled: { label: "Reconciled", tone: "ok", meaning: "Flux applied the source's revision" },
  failing: { label: "Failing", tone: "fail", meaning: "Flux reports a failure for this source" },
  differs: { label: "Differs", tone: "warn", meaning: "Someone changed a Syncline-managed object by hand; re-apply restores the definition" },
  removing: { label: "Removing", tone: "neutral", meaning: "The cluster no longer matches; its objects are being removed" },
};

export const rolloutLook = (state: RolloutState): StateLook & { pulse: boolean } => ({ ...looks[state], pulse: rolloutStateMoving(state) });

/** The order states are summarised in: what needs attention first. */
const ORDER: RolloutState[] = ["failed", "failing", "differs", "unreachable", "pending", "applied", "fetched", "removing", "reconciled"];

/** How many clusters are in each state, most urgent first, leaving out states no cluster is in. */
export function rolloutCounts(rollout: readonly Pick<ClusterRolloutDto, "state">[]): Array<{ state: RolloutState; count: number }> {
  return ORDER.map((state) => ({ state, count: rollout.filter((cluster) => cluster.state === state).length })).filter(({ count }) => count > 0);
}

/** Clusters a retry can help: the apply failed there, or it is still waiting to be applied. */
export const retryableClusters = (source: Pick<SourceDto, "rollout">) =>
  source.rollout.filter((cluster) => cluster.state === "failed" || cluster.state === "pending" || cluster.state === "unreachable");

/** "main@sha1:0123456789ab…" reads as "main@0123456"; other revisions (tags, OCI digests) as they are. */
export function shortRevision(revision: string): string {
  const match = /^(.*)@sha1:([0-9a-f]{7})[0-9a-f]*$/.exec(revision) ?? /^(.*)@sha256:([0-9a-f]{12})[0-9a-f]*$/.exec(revision);
  return match ? `${match[1]}@${match[2]}` : revision;
}

/** "branch main", "tag v1.2.0", "semver >=1.0.0", "commit 0123456". */
export function describeRef(ref: SourceRef): string {
  if ("branch" in ref) return `branch ${ref.branch}`;
  if ("tag" in ref) return `tag ${ref.tag}`;
  if ("semver" in ref) return `semver ${ref.semver}`;
  return `commit ${ref.commit.slice(0, 12)}`;
}

const plural = (count: number) => `${count} cluster${count === 1 ? "" : "s"}`;

/** "create on 2 clusters, update on 3, remove from 1": the preview's headline, only the parts that happen. */
export function describePlanSummary(summary: Record<ClusterPlanAction, number>): string {
  const parts: string[] = [];
  if (summary.create) parts.push(`create on ${plural(summary.create)}`);
  if (summary.update) parts.push(`update on ${parts.length ? summary.update : plural(summary.update)}`);
  if (summary.remove) parts.push(`remove from ${parts.length ? summary.remove : plural(summary.remove)}`);
  const changes = parts.length ? parts.join(", ") : "no change on any cluster";
  const rest = [summary.unchanged ? `${summary.unchanged} unchanged` : "", summary.invalid ? `${summary.invalid} not valid targets` : ""].filter(Boolean);
  const text = rest.length ? `${changes} (${rest.join(", ")})` : changes;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
