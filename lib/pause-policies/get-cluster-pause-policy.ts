import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import type { EffectivePausePolicy } from "../schemas/pause-policies";
import { clusterPausePolicy } from "./cluster-pause-policy";

/** What a pause of this cluster, or of one of its objects, must carry: everyone may read it. */
export async function getClusterPausePolicy(clusterId: string): Promise<EffectivePausePolicy> {
  const cluster = await getClusterOrThrow(clusterId);
  return clusterPausePolicy(cluster.labels);
}
