import type { SourcePreviewDto } from "@/lib/schemas/sources";
import { ClusterPlanCard } from "./cluster-plan-card";
import { describePlanSummary } from "./describe-rollout";

/** A preview: the headline, then each cluster's plan, the ones that change first. */
export function SourcePlan({ preview, clusterIds }: { preview: SourcePreviewDto; clusterIds?: string[] }) {
  const order = { invalid: 0, remove: 1, create: 2, update: 3, unchanged: 4 };
  const clusters = preview.clusters
    .filter((plan) => !clusterIds || clusterIds.includes(plan.clusterId))
    .sort((a, b) => order[a.action] - order[b.action] || a.clusterName.localeCompare(b.clusterName));
  return (
    <div className="flex flex-col gap-3" data-testid="source-preview">
      <p className="text-[15px] font-semibold">{describePlanSummary(preview.summary)}</p>
      {clusters.length === 0 ? (
        <p className="text-[13px] text-fg-muted">No cluster matches the targets. Applying stores the definition; clusters that match later receive it.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Plan per cluster">
          {clusters.map((plan) => (
            <ClusterPlanCard key={plan.clusterId} plan={plan} />
          ))}
        </ul>
      )}
    </div>
  );
}
