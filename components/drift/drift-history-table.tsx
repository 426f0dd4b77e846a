"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { shortDateTime } from "@/components/ui/format";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DriftEpisode } from "@/lib/schemas/drift";
import { changeLabel } from "./describe-drift";
import { objectName } from "./drifted-object-card";
import { objectDriftHref } from "./links";

const column = createColumnHelper<DriftEpisode>();

const when = (iso: string) => (
  <span className="flex flex-col text-xs">
    <time dateTime={iso}>{shortDateTime(iso)}</time>
    <span className="text-[11px] text-fg-subtle">
      <TimeAgo iso={iso} />
    </span>
  </span>
);

function columns(showObject: boolean) {
  return [
    ...(showObject
      ? [
          column.accessor((episode) => `${episode.object.kind} ${objectName(episode.object)}`, {
            id: "object",
            header: "Object",
            size: 180,
            meta: { card: "title" },
            cell: ({ row: { original: episode } }) => (
              <Link href={objectDriftHref(episode.cluster.id, episode.object)} prefetch={false} className="hover:underline">
                <span className="text-xs text-fg-muted">{episode.object.kind} </span>
                <span className="font-medium">{objectName(episode.object)}</span>
              </Link>
            ),
          }),
        ]
      : []),
    column.accessor("change", {
      header: "Change",
      size: 110,
      cell: ({ getValue }) => <Badge tone="neutral">{changeLabel[getValue()]}</Badge>,
    }),
    column.accessor((episode) => episode.fields.join(", "), {
      id: "fields",
      header: "Fields and writers",
      size: 180,
      enableSorting: false,
      meta: { grow: true, card: "wide" },
      cell: ({ row: { original: episode } }) => (
        <span className="flex flex-col text-xs">
          <span className="font-mono [overflow-wrap:anywhere]">{episode.fields.join(", ") || "—"}</span>
          {episode.managers.length > 0 && <span className="text-fg-muted">by {episode.managers.join(", ")}</span>}
        </span>
      ),
    }),
    column.accessor("appearedAt", { header: "Appeared", size: 110, sortDescFirst: true, cell: ({ getValue }) => when(getValue()) }),
    column.accessor((episode) => episode.correctedAt ?? "~", {
      id: "corrected",
      header: "Corrected",
      size: 130,
      sortDescFirst: true,
      cell: ({ row: { original: episode } }) =>
        episode.correctedAt ? (
          <span className="flex flex-col text-xs">
            {when(episode.correctedAt)}
            <span className="text-fg-muted">{episode.correctedBy ? `by ${episode.correctedBy}` : "by whom unknown"}</span>
          </span>
        ) : (
          <Badge tone="warn">still drifted</Badge>
        ),
    }),
  ];
}

interface DriftHistoryTableProps {
  episodes: DriftEpisode[];
  label: string;
  /** The cluster's history names each object; one object's history does not repeat it. */
  showObject: boolean;
  footer?: ReactNode;
}

/** Drift episodes: when each appeared, when it was corrected and by whom. */
export function DriftHistoryTable({ episodes, label, showObject, footer }: DriftHistoryTableProps) {
  const historyColumns = useMemo(() => columns(showObject), [showObject]);
  return (
    <DataTable
      label={label}
      noun={["episode", "episodes"]}
      data={episodes}
      columns={historyColumns}
      getRowId={(episode) => episode.id}
      initialSorting={[{ id: "appearedAt", desc: true }]}
      rowHeight={48}
      footer={footer}
      noMatches="No drift recorded yet."
    />
  );
}
