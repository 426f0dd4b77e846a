"use client";

import { useEffect, useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { CheckIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";
import { useSearchParamState } from "@/components/ui/use-search-param-state";
import { isApiError } from "@/lib/queries/api-client";
import { useCluster } from "@/lib/queries/use-cluster";
import { useClusterDrift } from "@/lib/queries/use-cluster-drift";
import type { ClusterDrift, ObjectDriftChange, RevisionDrift } from "@/lib/schemas/drift";
import { ClusterDriftHistory } from "./cluster-drift-history";
import { describeBehind, describeDriftCount, describeHandChanges } from "./describe-drift";
import { DriftBreadcrumb } from "./drift-breadcrumb";
import { DriftFilters } from "./drift-filters";
import { describeMode } from "./drift-mode";
import { DriftPill } from "./drift-pill";
import { DriftStaleNotice } from "./drift-stale-notice";
import { DriftAge } from "./drift-summary-cell";
import { DriftedObjects } from "./drifted-objects";
import { filterDriftedObjects } from "./filter-drifted-objects";
import { RefreshDriftButton } from "./refresh-drift-button";
import { RevisionPipeline } from "./revision-pipeline";

// A recompute that has not landed by then has failed or queued; stop showing it as under way.
const REFRESH_PATIENCE_MS = 90_000;

export function DriftView({ clusterId }: { clusterId: string }) {
  const cluster = useCluster(clusterId);
  const [awaiting, setAwaiting] = useState<{ computedAt: string | null }>();
  const drift = useClusterDrift(clusterId, { awaitingChangeFrom: awaiting });
  const refreshing = awaiting !== undefined && drift.data?.computedAt === awaiting.computedAt;
  useEffect(() => {
    if (!refreshing) return;
    const timer = setTimeout(() => setAwaiting(undefined), REFRESH_PATIENCE_MS);
    return () => clearTimeout(timer);
  }, [refreshing]);
  const clusterName = cluster.data?.name ?? "…";

  const header = (
    <PageHeader
      eyebrow={<DriftBreadcrumb clusterId={clusterId} clusterName={clusterName} />}
      title={
        <span className="flex items-center gap-2.5">
          {cluster.data ? `Drift on ${cluster.data.name}` : "Drift"} {drift.data && <DriftPill summary={drift.data} />}
        </span>
      }
      description={drift.data ? <DriftHeadline drift={drift.data} /> : "How far this cluster is from Git, down to the field, and who changed it"}
      actions={drift.data && <RefreshDriftButton clusterId={clusterId} refreshing={refreshing || drift.data.computing} onStarted={() => setAwaiting({ computedAt: drift.data?.computedAt ?? null })} />}
    />
  );

  if (drift.isError) {
    const missing = isApiError(drift.error) && drift.error.status === 404;
    return (
      <PageBody>
        {header}
        <ErrorState
          title={missing ? "This cluster is not registered (any more)" : "Could not load the drift report"}
          error={drift.error}
          onRetry={missing ? undefined : () => drift.refetch()}
          retrying={drift.isFetching}
        />
      </PageBody>
    );
  }
  if (drift.isPending) {
    return (
      <PageBody>
        {header}
        <Skeleton className="h-24 w-full" />
        <TableSkeleton label="Loading the drift report" columns={4} rows={5} />
      </PageBody>
    );
  }
  return (
    <PageBody>
      {header}
      <DriftReport clusterId={clusterId} clusterName={clusterName} drift={drift.data} />
    </PageBody>
  );
}

/** "3 of 212 objects drifted · 2 hand changes · 2 commits behind", the mode, and the report's age. */
function DriftHeadline({ drift }: { drift: ClusterDrift }) {
  const modes = [...new Set(drift.reconcilers.map((reconciler) => reconciler.mode))];
  const parts = [describeDriftCount(drift), describeHandChanges(drift.handChanges), describeBehind(drift.behind)].filter(Boolean);
  return (
    <span className="flex flex-col gap-0.5">
      <span data-testid="drift-headline">{parts.join(" · ")}</span>
      <span className="flex flex-wrap items-center gap-x-2 text-xs text-fg-subtle">
        {modes.length > 0 && <span>Compared by {modes.map((mode) => describeMode(mode).short).join(" and ")}</span>}
        <DriftAge summary={drift} />
      </span>
    </span>
  );
}

function DriftReport({ clusterId, clusterName, drift }: { clusterId: string; clusterName: string; drift: ClusterDrift }) {
  const [params, setParams] = useSearchParamState();
  const filters = useMemo(
    () => ({
      reconciler: params.get("reconciler"),
      kind: params.get("kind"),
      change: params.get("change") as ObjectDriftChange | null,
      handOnly: params.get("hand") === "1",
    }),
    [params],
  );
  const objects = useMemo(() => filterDriftedObjects(drift.objects, filters), [drift.objects, filters]);
  // What holds a reconciler back comes first: failing, Git head unknown, behind; in-step ones last.
  const revisions = useMemo(() => [...drift.revisions].sort((a, b) => revisionUrgency(b) - revisionUrgency(a)), [drift.revisions]);

  return (
    <div className="flex flex-col gap-4 pb-4">
      {drift.stale && <DriftStaleNotice summary={drift} />}
      {drift.reconcilers.some((reconciler) => reconciler.mode === "managed-fields") && (
        <p className="text-xs text-fg-muted">{describeMode("managed-fields").long}</p>
      )}
      {drift.state === "in-sync" && !drift.stale && drift.objects.length === 0 ? (
        <EmptyState icon={<CheckIcon />} title={`${clusterName} is in sync with Git`}>
          Every one of its {drift.total.toLocaleString("en")} objects matches what Flux would apply.
        </EmptyState>
      ) : drift.objects.length === 0 ? (
        <EmptyState title={drift.computedAt ? "No drifted objects in the last report" : "Drift has not been computed yet"}>
          {drift.computing
            ? "A computation is under way."
            : drift.state === "drifted"
              ? "Every object matches Git; what lags is a revision, below."
              : "Syncline cannot say the cluster is in sync until a fresh report of a reachable cluster shows it."}
        </EmptyState>
      ) : (
        <>
          <DriftFilters drift={drift} filters={filters} onChange={setParams} />
          <DriftedObjects clusterId={clusterId} drift={drift} objects={objects} />
        </>
      )}
      {revisions.length > 0 && (
        <Section title="Revisions" aside={<span className="text-xs text-fg-subtle">Git head → fetched → applied</span>}>
          <div className="divide-y divide-line">
            {revisions.map((revision) => (
              <RevisionPipeline key={`${revision.reconciler.kind}/${revision.reconciler.namespace}/${revision.reconciler.name}`} revision={revision} />
            ))}
          </div>
        </Section>
      )}
      <ClusterDriftHistory clusterId={clusterId} clusterName={clusterName} computedAt={drift.computedAt} />
    </div>
  );
}

function revisionUrgency(revision: RevisionDrift): number {
  const lag = { failing: 5, unknown: 4, "source-not-fetched": 3, "fetched-not-applied": 3, paused: 1, "in-sync": 0 }[revision.lag];
  return lag * 1_000 + Math.min(revision.behind ?? 0, 999);
}
