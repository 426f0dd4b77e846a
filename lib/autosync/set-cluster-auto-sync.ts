import type { Actor } from "../auth/actor";
import type { RequestOrigin } from "../audit";
import type { AutoSyncResult } from "../fleet/dto";
import { autoSyncInput, type AutoSyncInput } from "../schemas/auto-sync";
import { resumeCluster } from "./resume-cluster";
import { suspendCluster } from "./suspend-cluster";

/** The one switch per cluster: off (with an optional reason and expiry) or on. */
export async function setClusterAutoSync(clusterId: string, input: AutoSyncInput, actor: Actor, origin?: RequestOrigin): Promise<AutoSyncResult> {
  const { enabled, reason, until } = autoSyncInput.parse(input);
  return enabled ? resumeCluster(clusterId, actor, origin) : suspendCluster(clusterId, { reason, until }, actor, origin);
}
