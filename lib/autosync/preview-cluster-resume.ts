import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { inventory } from "../inventory";
import type { ResumePreview } from "../schemas/resume-preview";
import { planResume } from "./plan-resume";
import { openObjectSuspensions } from "./suspension-rows";

/** What resuming the cluster would do now, for the confirmation that precedes it. Changes nothing. */
export async function previewClusterResume(clusterId: string): Promise<ResumePreview> {
  const row = await getClusterOrThrow(clusterId);
  await requireTrackedCluster(clusterId);
  const plan = planResume((kind) => inventory().store.objects(clusterId, kind), await openObjectSuspensions(clusterId));
  return { cluster: { id: row.id, name: row.name }, ...plan };
}
