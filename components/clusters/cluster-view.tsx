"use client";

import Link from "next/link";
import { HealthPill, HealthReason } from "@/components/fleet/health-pill";
import { ClusterDriftPanel } from "@/components/drift/cluster-drift-panel";
import { RunningNowPanel } from "@/components/running-now/running-now-panel";
import { ErrorState } from "@/components/ui/error-state";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";
import { useSearchParamState } from "@/components/ui/use-search-param-state";
import { isApiError } from "@/lib/queries/api-client";
import type { ObjectState } from "@/lib/fleet/dto";
import { useCluster } from "@/lib/queries/use-cluster";
import { useClusterObjects } from "@/lib/queries/use-cluster-objects";
import { AutoSyncSwitch } from "./auto-sync-switch";
import { ClusterFacts } from "./cluster-facts";
import { ClusterMenu } from "./cluster-menu";
import { ObjectsTable } from "./objects-table";
import { PauseNotice } from "./pause-notice";
import { ReconcileButton } from "./reconcile-button";
import { StaleBanner } from "./stale-banner";
import { StateFilter } from "./state-filter";

export function ClusterView({ id }: { id: string }) {
  const cluster = useCluster(id);
  const objects = useClusterObjects(id);
  const [params, setParams] = useSearchParamState();
  const state = params.get("state") as ObjectState | null;
  const search = params.get("q") ?? "";

  if (cluster.isError) {
    const missing = isApiError(cluster.error) && cluster.error.status === 404;
    return (
      <PageBody>
        <Breadcrumb />
        <ErrorState
          title={missing ? "This cluster is not registered (any more)" : "Could not load the cluster"}
          error={cluster.error}
          onRetry={missing ? undefined : () => cluster.refetch()}
          retrying={cluster.isFetching}
        />
      </PageBody>
    );
  }
  if (cluster.isPending) {
    return (
      <PageBody>
        <Breadcrumb />
        <Skeleton className="h-6 w-64" />
        <Skeleton className="h-16 w-full" />
        <TableSkeleton label="Loading Flux objects" columns={7} />
      </PageBody>
    );
  }

  const data = cluster.data;
  const visible = state ? (objects.data ?? []).filter((object) => object.state === state) : (objects.data ?? []);
  return (
    <PageBody>
      <PageHeader
        eyebrow={<Breadcrumb />}
        title={
          <span className="flex items-center gap-2.5">
            {data.name} <HealthPill value={data.health} />
          </span>
        }
        description={
          <>
            <span className="font-mono text-xs">
              {data.server}
              {data.fluxVersion && <span className="text-fg-subtle"> · Flux {data.fluxVersion}</span>}
            </span>
            {/* Unreachable says why in the banner below, with what that means for the objects. */}
            {data.health === "degraded" && <HealthReason cluster={data} className="mt-1" />}
          </>
        }
        actions={
          <>
            <div className="mr-1 flex h-8 items-center gap-2 rounded-md border border-line bg-panel px-2.5">
              <span className="text-xs font-medium text-fg-muted">Auto-sync</span>
              <AutoSyncSwitch clusterId={data.id} clusterName={data.name} autoSync={data.autoSync} />
            </div>
            <ReconcileButton clusterId={data.id} clusterName={data.name} />
            <ClusterMenu cluster={data} />
          </>
        }
      />
      {data.suspension && <PauseNotice autoSync={data.autoSync} suspension={data.suspension} />}
      {data.health === "unreachable" && <StaleBanner cluster={data} />}
      <ClusterFacts cluster={data} />
      <ClusterDriftPanel clusterId={data.id} />
      <RunningNowPanel clusterId={data.id} />
      {objects.isError ? (
        <ErrorState title="Could not load the Flux objects" error={objects.error} onRetry={() => objects.refetch()} retrying={objects.isFetching} />
      ) : objects.isPending ? (
        <TableSkeleton label="Loading Flux objects" columns={7} />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <SearchInput className="w-full sm:w-72" label="Search objects" placeholder="Search name, namespace, message…" value={search} onChange={(q) => setParams({ q })} />
            <StateFilter objects={objects.data} value={state} onChange={(next) => setParams({ state: next })} />
          </div>
          <ObjectsTable clusterId={data.id} clusterName={data.name} objects={visible} filter={search} />
        </>
      )}
    </PageBody>
  );
}

function Breadcrumb() {
  return (
    <nav aria-label="Breadcrumb">
      <Link href="/clusters" className="hover:text-fg hover:underline">
        Clusters
      </Link>
      <span aria-hidden="true"> /</span>
    </nav>
  );
}
