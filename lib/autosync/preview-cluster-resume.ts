import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { getClusterDrift } from "../drift/get-cluster-drift";
import { NOT_GIT } from "../drift/revision-drift";
import { inventory } from "../inventory";
import type { ResumePreview } from "../schemas/resume-preview";
import { planResume } from "./plan-resume";
import { openObjectSuspensions } from "./suspension-rows";

/** What resuming the cluster would do now, for the confirmation that precedes it. Changes nothing. */
export async function previewClusterResume(clusterId: string): Promise<ResumePreview> {
  const row = await getClusterOrThrow(clusterId);
  await requireTrackedCluster(clusterId);
  const plan = planResume((kind) => inventory().store.objects(clusterId, kind), await openObjectSuspensions(clusterId));
  const drift = await getClusterDrift(clusterId);
  const resumed = new Set(plan.resumes.map(refKey));
  return {
    cluster: { id: row.id, name: row.name },
    ...plan,
    handChanges: drift.objects.filter((object) => resumed.has(refKey(object.reconciler))),
    newCommits: drift.revisions
      .filter((revision) => resumed.has(refKey(revision.reconciler)) && revision.behind !== 0 && revision.gitHeadError !== NOT_GIT)
      .map(({ reconciler, applied, gitHead, behind, commits }) => ({ reconciler, applied, gitHead, behind, commits })),
    driftState: drift.state,
    driftComputedAt: drift.computedAt,
  };
}

const refKey = (ref: { kind: string; namespace: string; name: string }) => `${ref.kind}/${ref.namespace}/${ref.name}`;
