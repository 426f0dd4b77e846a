"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { StatusPill } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TimeAgo, useNow } from "@/components/ui/time-ago";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";
import { tokenStatus, tokenStatusTone } from "./token-status";

const column = createColumnHelper<ApiTokenSummary>();

function StatusCell({ token }: { token: ApiTokenSummary }) {
  const status = tokenStatus(token, useNow());
  return <StatusPill tone={tokenStatusTone[status]}>{status}</StatusPill>;
}

function columnsFor(onRevoke: (token: ApiTokenSummary) => void) {
  return [
    column.accessor("name", { header: "Name", size: 160, meta: { grow: true, card: "title" }, cell: ({ getValue }) => <span className="font-medium">{getValue()}</span> }),
    column.accessor("prefix", {
      header: "Token",
      size: 110,
      enableSorting: false,
      cell: ({ getValue }) => <span className="font-mono text-xs text-fg-muted">{getValue()}…</span>,
    }),
    column.accessor("createdAt", { header: "Created", size: 110, cell: ({ getValue }) => <TimeAgo iso={getValue()} /> }),
    column.accessor("lastUsedAt", { header: "Last used", size: 110, cell: ({ getValue }) => <TimeAgo iso={getValue()} fallback="never" /> }),
    column.accessor("expiresAt", { header: "Expires", size: 120, cell: ({ getValue }) => <TimeAgo iso={getValue()} fallback="never" /> }),
    column.display({ id: "status", header: "Status", size: 90, cell: ({ row }) => <StatusCell token={row.original} /> }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      size: 80,
      meta: { align: "right" },
      cell: ({ row: { original: token } }) =>
        !token.revokedAt && (
          <Button size="sm" variant="ghost" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
            Revoke
          </Button>
        ),
    }),
  ];
}

export function TokensTable({ tokens, onRevoke }: { tokens: ApiTokenSummary[]; onRevoke: (token: ApiTokenSummary) => void }) {
  return <DataTable label="API tokens" noun={["token", "tokens"]} data={tokens} columns={columnsFor(onRevoke)} getRowId={(token) => token.id} rowHeight={40} />;
}
