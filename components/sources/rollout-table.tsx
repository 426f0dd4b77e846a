"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ClampedText } from "@/components/ui/clamped-text";
import { DataTable } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ClusterRolloutDto } from "@/lib/schemas/sources";
import { shortRevision } from "./describe-rollout";
import { RolloutStatePill } from "./rollout-state-pill";

const column = createColumnHelper<ClusterRolloutDto>();

export interface RolloutActions {
  /** Applies the current definition again on clusters where it failed or is still waiting. */
  onRetry: (cluster: ClusterRolloutDto) => void;
  /** Restores the definition on a cluster where someone changed Syncline's objects by hand. */
  onReapply: (cluster: ClusterRolloutDto) => void;
}

function detail(cluster: ClusterRolloutDto) {
  if (cluster.state === "reconciled" && cluster.revision) return <span>Flux applied revision {shortRevision(cluster.revision)}</span>;
  if (cluster.state === "fetched" && cluster.revision) return <span>Flux fetched {shortRevision(cluster.revision)}; applying</span>;
  const retry = cluster.retryAt && ["pending", "unreachable", "failed"].includes(cluster.state) ? <TimeAgo iso={cluster.retryAt} prefix="retried" /> : null;
  return (
    <span className="flex min-w-0 flex-col">
      {cluster.message && <ClampedText text={cluster.message} />}
      {retry && (
        <span className="text-xs text-fg-muted">
          {retry}
          {cluster.attempts > 0 ? ` (${cluster.attempts} failed attempt${cluster.attempts === 1 ? "" : "s"})` : ""}
        </span>
      )}
    </span>
  );
}

function columnsFor(actions: RolloutActions | null) {
  return [
    column.accessor("clusterName", {
      header: "Cluster",
      meta: { card: "title" },
      cell: ({ row: { original: cluster } }) => (
        <Link href={`/clusters/${cluster.clusterId}`} className="font-medium text-fg hover:underline">
          {cluster.clusterName}
        </Link>
      ),
    }),
    column.accessor("state", { header: "State", cell: ({ getValue }) => <RolloutStatePill state={getValue()} /> }),
    column.display({ id: "detail", header: "Detail", meta: { grow: true, card: "wide" }, cell: ({ row }) => detail(row.original) }),
    column.accessor("renderedPath", { header: "Path", cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? "—"}</span> }),
    column.accessor("appliedAt", { header: "Applied", cell: ({ getValue }) => <TimeAgo iso={getValue()} short fallback="never" /> }),
    ...(actions
      ? [
          column.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            meta: { align: "right" },
            cell: ({ row: { original: cluster } }) =>
              cluster.state === "differs" ? (
                <Button size="sm" onClick={() => actions.onReapply(cluster)} aria-label={`Re-apply on ${cluster.clusterName}`}>
                  Re-apply
                </Button>
              ) : ["failed", "pending", "unreachable"].includes(cluster.state) ? (
                <Button size="sm" onClick={() => actions.onRetry(cluster)} aria-label={`Retry on ${cluster.clusterName}`}>
                  Retry
                </Button>
              ) : null,
          }),
        ]
      : []),
  ];
}

/** Each targeted cluster: where the rollout stands, Flux's revision or failure, and what the user can do about it. */
export function RolloutTable({ rollout, actions }: { rollout: ClusterRolloutDto[]; actions: RolloutActions | null }) {
  return (
    <DataTable
      label="Rollout per cluster"
      noun={["cluster", "clusters"]}
      data={rollout}
      columns={columnsFor(actions)}
      getRowId={(cluster) => cluster.clusterId}
      rowHeight={44}
      initialSorting={[{ id: "clusterName", desc: false }]}
    />
  );
}
