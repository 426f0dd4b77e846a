"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { SourceDto } from "@/lib/schemas/sources";
import { describeRef } from "./describe-rollout";
import { RolloutSummary } from "./rollout-summary";
import { SourceTargets } from "./source-targets";

const column = createColumnHelper<SourceDto>();

const columns = [
  column.accessor((source) => source.definition.name, {
    id: "name",
    header: "Name",
    meta: { card: "title" },
    cell: ({ row: { original: source } }) => (
      <Link href={`/sources/${source.id}`} className="font-medium text-fg hover:underline">
        {source.definition.name}
      </Link>
    ),
  }),
  column.accessor((source) => source.definition.url, {
    id: "repository",
    header: "Repository",
    meta: { grow: true, card: "wide" },
    cell: ({ row: { original: source } }) => (
      <span className="flex min-w-0 flex-col">
        <span className="font-mono text-xs [overflow-wrap:anywhere]">{source.definition.url}</span>
        <span className="text-xs text-fg-muted">
          {describeRef(source.definition.ref)} · <span className="font-mono">{source.definition.path}</span>
        </span>
      </span>
    ),
  }),
  column.display({ id: "targets", header: "Targets", cell: ({ row }) => <SourceTargets definition={row.original.definition} /> }),
  column.display({ id: "rollout", header: "Rollout", meta: { card: "wide" }, cell: ({ row }) => <RolloutSummary source={row.original} /> }),
  column.accessor("updatedAt", {
    header: "Changed",
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        <TimeAgo iso={row.original.updatedAt} short /> <span className="text-fg-muted">by {row.original.updatedBy}</span>
      </span>
    ),
  }),
];

export function SourcesTable({ sources }: { sources: SourceDto[] }) {
  return (
    <DataTable
      label="Sources"
      noun={["source", "sources"]}
      data={sources}
      columns={columns}
      getRowId={(source) => source.id}
      rowHeight={52}
      initialSorting={[{ id: "name", desc: false }]}
    />
  );
}
