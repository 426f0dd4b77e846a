"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { objectHref } from "@/components/fleet/links";
import { ObjectStatePill } from "@/components/fleet/object-state-pill";
import { Revision } from "@/components/fleet/revision";
import { DataTable } from "@/components/ui/data-table";
import { ClampedText } from "@/components/ui/clamped-text";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FluxObjectSummary, ObjectState } from "@/lib/fleet/dto";
import { AutoSyncSwitch } from "./auto-sync-switch";
import { ReconcileButton } from "./reconcile-button";
import { SuspensionCell } from "./suspension-cell";

const column = createColumnHelper<FluxObjectSummary>();

// Sorting by state puts what needs attention first.
const stateRank: Record<ObjectState, number> = { failing: 0, suspended: 1, progressing: 2, unknown: 3, ready: 4 };

function columns(cluster: { id: string; name: string }) {
  return [
    column.accessor("kind", {
      header: "Kind",
      size: 96,
      cell: ({ getValue }) => <span className="text-xs text-fg-muted">{getValue()}</span>,
    }),
    column.accessor((object) => `${object.namespace}/${object.name}`, {
      id: "name",
      header: "Namespace / Name",
      size: 160,
      meta: { card: "title" },
      cell: ({ row: { original: object } }) => (
        <Link href={objectHref(cluster.id, object)} prefetch={false} className="hover:underline">
          <span className="text-fg-subtle">{object.namespace}/</span>
          <wbr />
          <span className="font-medium text-fg">{object.name}</span>
        </Link>
      ),
    }),
    column.accessor((object) => stateRank[object.state], {
      id: "state",
      header: "State",
      size: 96,
      cell: ({ row: { original: object } }) => <ObjectStatePill state={object.state} retrying={object.retrying} />,
    }),
    column.accessor((object) => object.message ?? "", {
      id: "message",
      header: "Ready message",
      size: 160,
      meta: { grow: true, card: "wide" },
      enableSorting: false,
      cell: ({ row: { original: object } }) =>
        object.message ? <ClampedText text={object.message} className={object.state === "failing" ? "text-fail" : "text-fg-muted"} /> : <span className="text-fg-subtle">—</span>,
    }),
    column.accessor((object) => object.revision ?? "", {
      id: "revision",
      header: "Revision",
      size: 100,
      cell: ({ row: { original: object } }) => <Revision value={object.revision} />,
    }),
    column.accessor((object) => object.lastAppliedAt ?? "", {
      id: "applied",
      header: "Applied",
      size: 72,
      sortDescFirst: true,
      cell: ({ row: { original: object } }) => (
        <span className="text-xs text-fg-muted">
          <TimeAgo iso={object.lastAppliedAt} short />
        </span>
      ),
    }),
    column.accessor((object) => object.suspension?.at ?? "", {
      id: "suspension",
      header: "Suspension",
      size: 150,
      meta: { card: "wide" },
      sortDescFirst: true,
      // A fixed width: the cell shows the start of the reason in one line and opens the rest on demand.
      cell: ({ row: { original: object } }) => (
        <div className="w-36 max-md:w-auto">
          <SuspensionCell suspension={object.suspension} />
        </div>
      ),
    }),
    column.display({
      id: "autoSync",
      header: "Auto-sync",
      size: 80,
      cell: ({ row: { original: object } }) => (
        <AutoSyncSwitch
          clusterId={cluster.id}
          clusterName={cluster.name}
          object={object}
          autoSync={{ state: object.suspended ? "off" : "on", suspended: object.suspended ? 1 : 0, total: 1 }}
          compact
        />
      ),
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      size: 40,
      cell: ({ row: { original: object } }) => <ReconcileButton clusterId={cluster.id} clusterName={cluster.name} object={object} iconOnly />,
    }),
  ];
}

function objectSearchText(object: FluxObjectSummary): string {
  return [object.kind, object.namespace, object.name, object.state, object.message, object.revision, object.suspension?.by, object.suspension?.reason].join(" ");
}

interface ObjectsTableProps {
  clusterId: string;
  clusterName: string;
  objects: FluxObjectSummary[];
  filter: string;
}

export function ObjectsTable({ clusterId, clusterName, objects, filter }: ObjectsTableProps) {
  const objectColumns = useMemo(() => columns({ id: clusterId, name: clusterName }), [clusterId, clusterName]);
  return (
    <DataTable
      label={`Flux objects on ${clusterName}`}
      noun={["object", "objects"]}
      data={objects}
      columns={objectColumns}
      getRowId={(object) => `${object.kind}/${object.namespace}/${object.name}`}
      searchText={objectSearchText}
      filter={filter}
      rowClassName={(object) => (object.stale ? "opacity-70" : undefined)}
      count="filtered"
    />
  );
}
