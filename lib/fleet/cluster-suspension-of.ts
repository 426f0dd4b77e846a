import type { SuspensionInfo } from "./dto";

/**
 * Who paused a cluster's reconcilers, why and until when, from the suspensions of those that are
 * paused: the newest pause Syncline made, since a cluster pause writes the same one onto every
 * reconciler and a later per-object pause is what someone did last. Reconcilers suspended only
 * by other tools make an "outside Syncline" pause with nobody named.
 */
export function clusterSuspensionOf(suspensions: Iterable<SuspensionInfo | null>): SuspensionInfo | null {
  let newest: SuspensionInfo | null = null;
  let any = false;
  for (const suspension of suspensions) {
    if (!suspension) continue;
    any = true;
    if (suspension.at && (!newest?.at || suspension.at > newest.at)) newest = suspension;
  }
  if (newest) return newest;
  return any ? { by: null, reason: null, until: null, at: null, outsideSyncline: true } : null;
}
