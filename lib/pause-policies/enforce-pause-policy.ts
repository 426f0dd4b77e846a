import { checkPause } from "./check-pause";
import { clusterPausePolicy } from "./cluster-pause-policy";

/**
 * Refuses a pause that breaks the policy for the cluster's labels (`pause_policy_violation`), and
 * otherwise returns the expiry to pause with: the policy's default when none was given.
 */
export async function enforcePausePolicy(cluster: { labels: unknown }, pause: { reason: string | null; until: Date | null }): Promise<{ until: Date | null }> {
  return checkPause(await clusterPausePolicy(cluster.labels), pause);
}
