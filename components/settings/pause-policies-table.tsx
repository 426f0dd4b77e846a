"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import { describeMinutes } from "@/lib/pause-policies/describe-minutes";
import type { PausePolicyDto } from "@/lib/schemas/pause-policies";

const column = createColumnHelper<PausePolicyDto>();

const minutes = (value: number | null, none: string) => (value === null ? <span className="text-fg-muted">{none}</span> : describeMinutes(value));

function columnsFor(actions: { onEdit: (policy: PausePolicyDto) => void; onRemove: (policy: PausePolicyDto) => void } | null) {
  return [
    column.accessor("selector", { header: "Clusters", meta: { grow: true, card: "title" }, cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span> }),
    column.accessor("requireReason", { header: "Reason", cell: ({ getValue }) => (getValue() ? "required" : <span className="text-fg-muted">optional</span>) }),
    column.accessor("defaultExpiryMinutes", { header: "Default expiry", cell: ({ getValue }) => minutes(getValue(), "4 h (Syncline's)") }),
    column.accessor("maxExpiryMinutes", { header: "Longest allowed", cell: ({ getValue }) => minutes(getValue(), "no limit") }),
    column.accessor("updatedAt", {
      header: "Changed",
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          <TimeAgo iso={row.original.updatedAt} /> <span className="text-fg-muted">by {row.original.updatedBy}</span>
        </span>
      ),
    }),
    ...(actions
      ? [
          column.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            meta: { align: "right" },
            cell: ({ row: { original: policy } }) => (
              <span className="flex justify-end gap-1">
                <Button size="sm" variant="ghost" onClick={() => actions.onEdit(policy)} aria-label={`Edit the policy for ${policy.selector}`}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" onClick={() => actions.onRemove(policy)} aria-label={`Remove the policy for ${policy.selector}`}>
                  Remove
                </Button>
              </span>
            ),
          }),
        ]
      : []),
  ];
}

export function PausePoliciesTable({
  policies,
  actions,
}: {
  policies: PausePolicyDto[];
  actions: { onEdit: (policy: PausePolicyDto) => void; onRemove: (policy: PausePolicyDto) => void } | null;
}) {
  return <DataTable label="Pause policies" noun={["policy", "policies"]} data={policies} columns={columnsFor(actions)} getRowId={(policy) => policy.id} rowHeight={40} />;
}
