"use client";

import { useCallback, useMemo } from "react";
import { LabelChip } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useSearchParamState } from "@/components/ui/use-search-param-state";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { useClusters } from "@/lib/queries/use-clusters";
import { useFleetDrift } from "@/lib/queries/use-fleet-drift";
import { AddClusterButton } from "./add-cluster-button";
import { FleetEmptyState } from "./fleet-empty-state";
import { FleetSummary } from "./fleet-summary";
import { FleetTable } from "./fleet-table";
import { LabelFilterMenu } from "./label-filter-menu";

export function FleetView() {
  const clusters = useClusters();
  const fleetDrift = useFleetDrift();
  const drift = useMemo(() => new Map((fleetDrift.data ?? []).map((summary) => [summary.clusterId, summary])), [fleetDrift.data]);
  const [params, setParams] = useSearchParamState();
  const search = params.get("q") ?? "";
  const labelFilter = useMemo(() => params.getAll("label"), [params]);

  const toggleLabel = useCallback(
    (label: string) => setParams({ label: labelFilter.includes(label) ? labelFilter.filter((l) => l !== label) : [...labelFilter, label] }),
    [labelFilter, setParams],
  );
  const visible = useMemo(() => (clusters.data ?? []).filter((cluster) => labelFilter.every((label) => hasLabel(cluster, label))), [clusters.data, labelFilter]);
  const empty = clusters.data?.length === 0;

  return (
    <PageBody>
      <PageHeader
        title="Clusters"
        description={clusters.data && !empty ? <FleetSummary clusters={clusters.data} /> : "Every cluster Syncline watches, and the state of Flux on each"}
        // Only once the list is known: a button shown while loading would vanish (with a dialog
        // just opened from it) when an empty fleet swaps in the empty state and its own button.
        actions={clusters.data && !empty && <AddClusterButton />}
      />
      {clusters.isPending ? (
        <TableSkeleton label="Loading clusters" columns={6} />
      ) : clusters.isError ? (
        <ErrorState title="Could not load the clusters" error={clusters.error} onRetry={() => clusters.refetch()} retrying={clusters.isFetching} />
      ) : empty ? (
        <FleetEmptyState />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <SearchInput className="min-w-0 flex-1 sm:w-72 sm:flex-none" label="Search clusters" placeholder="Search name, server, label…" value={search} onChange={(q) => setParams({ q })} />
            <LabelFilterMenu clusters={clusters.data} selected={labelFilter} onToggle={toggleLabel} />
            {labelFilter.map((label) => {
              const [name = "", value = ""] = label.split("=");
              return <LabelChip key={label} name={name} value={value} pressed onClick={() => toggleLabel(label)} />;
            })}
          </div>
          <FleetTable clusters={visible} filter={search} labelFilter={labelFilter} toggleLabel={toggleLabel} drift={fleetDrift.isError ? null : drift} />
        </>
      )}
    </PageBody>
  );
}

function hasLabel(cluster: ClusterSummary, label: string): boolean {
  const at = label.indexOf("=");
  return cluster.labels[label.slice(0, at)] === label.slice(at + 1);
}
