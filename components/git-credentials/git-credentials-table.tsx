"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { GitCredentialDto } from "@/lib/schemas/git-credentials";
import { isGithubKind, kindLabels, showsFingerprint } from "./credential-kinds";
import { RateLimitBudget } from "./rate-limit-budget";
import { TestResult } from "./test-result";

export interface GitCredentialActions {
  /** Operators and admins. */
  onTest?: (credential: GitCredentialDto) => void;
  /** Admins only. */
  onEdit?: (credential: GitCredentialDto) => void;
  onRotate?: (credential: GitCredentialDto) => void;
  onRemove?: (credential: GitCredentialDto) => void;
}

const column = createColumnHelper<GitCredentialDto>();

function columnsFor(actions: GitCredentialActions) {
  const buttons: Array<[keyof GitCredentialActions, string]> = [
    ["onTest", "Test"],
    ["onEdit", "Edit"],
    ["onRotate", "Rotate"],
    ["onRemove", "Remove"],
  ];
  const available = buttons.filter(([action]) => actions[action]);
  return [
    column.accessor("name", {
      header: "Credential",
      meta: { card: "title" },
      cell: ({ row: { original: credential } }) => (
        <span className="flex flex-col">
          <span className="font-medium">{credential.name}</span>
          <span className="text-xs text-fg-muted">{kindLabels[credential.kind]}</span>
        </span>
      ),
    }),
    column.accessor("urlPattern", { header: "For", cell: ({ getValue }) => <span className="font-mono text-xs [overflow-wrap:anywhere]">{getValue()}</span> }),
    column.accessor("fingerprint", {
      header: "Secret",
      meta: { grow: true },
      cell: ({ row: { original: credential } }) => (
        <span className="flex flex-col gap-0.5">
          {showsFingerprint(credential) ? (
            <span className="font-mono text-[11px] [overflow-wrap:anywhere]">{credential.fingerprint}</span>
          ) : (
            <span className="text-xs whitespace-nowrap text-fg-muted">password, not shown</span>
          )}
          <span className="text-[11px] text-fg-subtle">
            <TimeAgo iso={credential.rotatedAt ?? credential.createdAt} prefix={credential.rotatedAt ? "rotated" : "added"} />
          </span>
        </span>
      ),
    }),
    column.accessor("lastTestedAt", { header: "Last test", meta: { grow: true, card: "wide" }, cell: ({ row }) => <TestResult result={row.original.lastTestResult} compact /> }),
    column.accessor("rateLimit", {
      header: "GitHub API budget",
      cell: ({ row: { original: credential } }) => (isGithubKind(credential.kind) ? <RateLimitBudget budget={credential.rateLimit} /> : <span className="text-fg-subtle">—</span>),
    }),
    ...(available.length > 0
      ? [
          column.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            meta: { align: "right", label: "Actions" },
            cell: ({ row: { original: credential } }) => (
              <span className="flex justify-end gap-1 whitespace-nowrap">
                {available.map(([action, label]) => (
                  <Button key={action} size="sm" variant="ghost" onClick={() => actions[action]!(credential)} aria-label={`${label} ${credential.name}`}>
                    {label}
                  </Button>
                ))}
              </span>
            ),
          }),
        ]
      : []),
  ];
}

export function GitCredentialsTable({ credentials, actions }: { credentials: GitCredentialDto[]; actions: GitCredentialActions }) {
  return <DataTable label="Git credentials" noun={["credential", "credentials"]} data={credentials} columns={columnsFor(actions)} getRowId={(credential) => credential.id} rowHeight={56} />;
}
