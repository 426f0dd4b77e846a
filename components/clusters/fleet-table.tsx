"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { CountsBar } from "@/components/fleet/counts-bar";
import { HealthCell } from "@/components/fleet/health-pill";
import { clusterHref } from "@/components/fleet/links";
import { Revision } from "@/components/fleet/revision";
import { LabelChip } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { DriftSummaryCell } from "@/components/drift/drift-summary-cell";
import { driftRank } from "@/components/drift/drift-rank";
import type { DriftSummary } from "@/lib/schemas/drift";
import { AutoSyncCell } from "./auto-sync-cell";

/**
 * A cluster with its drift summary. Drift travels in the rows, not in the column declarations:
 * new columns mean new cell components, and every drift poll would remount the cells, closing a
 * pause dialog that is open in one.
 */
type FleetRow = ClusterSummary & { drift: DriftSummary | undefined; driftUnavailable: boolean };

const column = createColumnHelper<FleetRow>();

// Worst first when sorting by health: the clusters that need someone come to the top.
const healthRank = { unreachable: 0, degraded: 1, unknown: 2, connected: 3 };

function columns(labelFilter: string[], toggleLabel: (label: string) => void) {
  return [
    column.accessor("name", {
      header: "Cluster",
      size: 160,
      meta: { card: "title" },
      cell: ({ row: { original: cluster } }) => (
        <div className="flex min-w-0 flex-col">
          <Link href={clusterHref(cluster.id)} prefetch={false} className="font-medium text-fg hover:underline">
            {cluster.name}
          </Link>
          <span className="font-mono text-[11px] text-fg-subtle">{cluster.server.replace(/^https?:\/\//, "")}</span>
          {/* Under the server, as on the cluster page: a column of its own left the drift no room. */}
          {cluster.fluxVersion && <span className="font-mono text-[11px] text-fg-subtle">Flux {cluster.fluxVersion}</span>}
        </div>
      ),
    }),
    column.accessor((cluster) => healthRank[cluster.health], {
      id: "health",
      header: "Health",
      size: 120,
      cell: ({ row: { original: cluster } }) => (
        <HealthCell cluster={cluster} />
      ),
    }),
    column.accessor((cluster) => cluster.counts.failing * 1e6 + cluster.counts.total, {
      id: "objects",
      header: "Objects",
      size: 150,
      sortDescFirst: true,
      cell: ({ row: { original: cluster } }) => <CountsBar counts={cluster.counts} />,
    }),
    column.accessor((cluster) => driftRank(cluster.drift), {
      id: "drift",
      header: "Drift",
      size: 112,
      sortDescFirst: true,
      cell: ({ row: { original: cluster } }) => <DriftSummaryCell summary={cluster.drift} unavailable={cluster.driftUnavailable} />,
    }),
    column.accessor((cluster) => cluster.autoSync.suspended, {
      id: "autoSync",
      header: "Auto-sync",
      size: 150,
      meta: { card: "wide" },
      sortDescFirst: true,
      cell: ({ row: { original: cluster } }) => <AutoSyncCell cluster={cluster} />,
    }),
    column.accessor((cluster) => cluster.lastApplied?.at ?? "", {
      id: "lastApplied",
      header: "Last applied",
      size: 120,
      sortDescFirst: true,
      cell: ({ row: { original: cluster } }) =>
        cluster.lastApplied ? (
          <div className="flex flex-col">
            <Revision value={cluster.lastApplied.revision} />
            <span className="text-[11px] text-fg-subtle">
              <TimeAgo iso={cluster.lastApplied.at} />
            </span>
          </div>
        ) : (
          <span className="text-fg-subtle">—</span>
        ),
    }),
    column.display({
      id: "labels",
      header: "Labels",
      size: 160,
      meta: { grow: true, card: "wide" },
      cell: ({ row: { original: cluster } }) => (
        <div className="flex flex-wrap gap-1">
          {Object.entries(cluster.labels).map(([name, value]) => {
            const label = `${name}=${value}`;
            return <LabelChip key={name} name={name} value={value} pressed={labelFilter.includes(label)} onClick={() => toggleLabel(label)} />;
          })}
        </div>
      ),
    }),
  ];
}

export function clusterSearchText(cluster: ClusterSummary): string {
  return [cluster.name, cluster.server, cluster.health, cluster.fluxVersion, ...Object.entries(cluster.labels).map(([k, v]) => `${k}=${v}`)].join(" ");
}

interface FleetTableProps {
  clusters: ClusterSummary[];
  filter: string;
  labelFilter: string[];
  toggleLabel: (label: string) => void;
  /** Each cluster's drift summary, by cluster id; null when the summaries could not be loaded. */
  drift: ReadonlyMap<string, DriftSummary> | null;
}

export function FleetTable({ clusters, filter, labelFilter, toggleLabel, drift }: FleetTableProps) {
  const fleetColumns = useMemo(() => columns(labelFilter, toggleLabel), [labelFilter, toggleLabel]);
  const rows = useMemo(() => clusters.map((cluster): FleetRow => ({ ...cluster, drift: drift?.get(cluster.id), driftUnavailable: drift === null })), [clusters, drift]);
  return (
    <DataTable
      label="Clusters"
      noun={["cluster", "clusters"]}
      data={rows}
      columns={fleetColumns}
      getRowId={(cluster) => cluster.id}
      searchText={clusterSearchText}
      filter={filter}
      initialSorting={[{ id: "name", desc: false }]}
      rowHeight={52}
      noMatches="No clusters match these filters."
      count="filtered"
    />
  );
}
