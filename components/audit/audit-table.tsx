"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { clusterHref } from "@/components/fleet/links";
import { Badge, StatusPill, type Tone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ClampedText } from "@/components/ui/clamped-text";
import { formatAbsolute, TimeAgo } from "@/components/ui/time-ago";
import type { AuditEventDto } from "@/lib/fleet/dto";
import { AuditDetails } from "./audit-details";

const column = createColumnHelper<AuditEventDto>();
const outcomeTone: Record<AuditEventDto["outcome"], Tone> = { success: "ok", partial: "warn", failure: "fail", skipped: "warn", pending: "info", interrupted: "warn" };

// The server returns newest first and pages by cursor; sorting one loaded page would mislead.
const columns = [
  column.accessor("at", {
    header: "Time",
    size: 150,
    meta: { card: "title" },
    enableSorting: false,
    cell: ({ getValue }) => (
      <span className="flex flex-col leading-tight">
        <span className="font-mono text-xs">{formatAbsolute(getValue())}</span>
        <span className="text-[11px] text-fg-subtle">
          <TimeAgo iso={getValue()} />
        </span>
      </span>
    ),
  }),
  column.accessor("actorName", {
    header: "Actor",
    size: 90,
    enableSorting: false,
    cell: ({ row: { original: event } }) => (event.actorType === "system" ? <Badge>system</Badge> : <span className="font-medium">{event.actorName}</span>),
  }),
  column.accessor("action", {
    header: "Action",
    size: 120,
    enableSorting: false,
    cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
  }),
  column.accessor("clusterName", {
    header: "Cluster",
    size: 110,
    enableSorting: false,
    cell: ({ row: { original: event } }) =>
      event.clusterId && event.clusterName ? (
        <Link href={clusterHref(event.clusterId)} className="hover:underline">
          {event.clusterName}
        </Link>
      ) : (
        (event.clusterName ?? <span className="text-fg-subtle">—</span>)
      ),
  }),
  column.accessor("target", {
    header: "Target",
    size: 160,
    enableSorting: false,
    cell: ({ getValue }): ReactNode => {
      const target = getValue();
      if (!target) return <span className="text-fg-subtle">whole cluster</span>;
      return (
        <span>
          <span className="text-fg-subtle">{target.kind} </span>
          {target.namespace}/<wbr />
          {target.name}
        </span>
      );
    },
  }),
  column.accessor("reason", {
    header: "Reason",
    size: 200,
    meta: { grow: true, card: "wide" },
    enableSorting: false,
    cell: ({ getValue }) => {
      const reason = getValue();
      return reason ? <ClampedText text={reason} className="text-fg-muted" /> : <span className="text-fg-subtle">—</span>;
    },
  }),
  column.accessor("outcome", {
    header: "Outcome",
    size: 90,
    enableSorting: false,
    cell: ({ getValue }) => <StatusPill tone={outcomeTone[getValue()]}>{getValue()}</StatusPill>,
  }),
];

export function AuditTable({ events, footer }: { events: AuditEventDto[]; footer: ReactNode }) {
  return (
    <DataTable
      label="Audit trail"
      noun={["record", "records"]}
      data={events}
      columns={columns}
      getRowId={(event) => event.id}
      rowHeight={44}
      renderExpanded={(event) => <AuditDetails event={event} />}
      footer={footer}
    />
  );
}
