import { db } from "../db/client";
import type { EffectivePausePolicy } from "../schemas/pause-policies";
import { resolvePausePolicy } from "./resolve-pause-policy";

/** The policy a cluster with these labels pauses under, from the stored rules. */
export async function clusterPausePolicy(labels: unknown): Promise<EffectivePausePolicy> {
  const rules = await db().pausePolicy.findMany({ select: { selector: true, requireReason: true, defaultExpiryMinutes: true, maxExpiryMinutes: true } });
  return resolvePausePolicy(rules, asLabels(labels));
}

/** Cluster labels are stored as JSON; anything but string values is ignored rather than matched. */
function asLabels(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
