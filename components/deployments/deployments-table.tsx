"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { clusterHref } from "@/components/fleet/links";
import { formatLeadTime } from "@/components/timeline/format-lead-time";
import { changeLabel, shortRevision } from "@/components/timeline/revision";
import { timelineHref } from "@/components/timeline/links";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatAbsolute, TimeAgo } from "@/components/ui/time-ago";
import type { DeploymentDto } from "@/lib/schemas/timeline";
import { DeploymentDetails } from "./deployment-details";
import { deploymentPeople, longestLeadTime } from "./deployment-people";

const column = createColumnHelper<DeploymentDto>();

// The server returns newest first and pages by cursor; sorting one loaded page would mislead.
const columns = [
  column.accessor("appliedAt", {
    header: "When",
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
  column.accessor((deployment) => deployment.cluster.name, {
    id: "cluster",
    header: "Cluster",
    size: 110,
    enableSorting: false,
    cell: ({ row: { original: deployment } }) => (
      <Link href={clusterHref(deployment.cluster.id)} className="font-medium hover:underline">
        {deployment.cluster.name}
      </Link>
    ),
  }),
  column.display({
    id: "what",
    header: "What",
    size: 260,
    meta: { grow: true, card: "wide" },
    cell: ({ row: { original: deployment } }) => <What deployment={deployment} />,
  }),
  column.display({
    id: "who",
    header: "Who",
    size: 150,
    meta: { card: "wide" },
    cell: ({ row: { original: deployment } }) => <Who deployment={deployment} />,
  }),
  column.accessor((deployment) => longestLeadTime(deployment), {
    id: "lead",
    header: "Lead time",
    size: 80,
    meta: { align: "right" },
    enableSorting: false,
    cell: ({ getValue }) => {
      const value = getValue<number | null>();
      return value === null ? <span className="text-fg-subtle">—</span> : <span className="font-mono text-xs">{formatLeadTime(value)}</span>;
    },
  }),
];

function What({ deployment }: { deployment: DeploymentDto }): ReactNode {
  const subjects = deployment.commits.map((commit) => commit.subject);
  const source = `${deployment.source.kind} ${deployment.source.namespace}/${deployment.source.name}`;
  return (
    <span className="flex flex-col gap-0.5">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <span className="text-xs">
          <span className="text-fg-subtle">{deployment.reconciler.kind} </span>
          {deployment.reconciler.namespace}/<wbr />
          {deployment.reconciler.name}
        </span>
        <span className="font-mono text-xs text-fg-muted">{shortRevision(deployment.revision)}</span>
        {deployment.change !== "forward" && <Badge tone={deployment.change === "rollback" || deployment.change === "force-push" ? "warn" : "neutral"}>{changeLabel[deployment.change]}</Badge>}
      </span>
      <span className="text-[11px] text-fg-muted">
        from{" "}
        {deployment.repositoryId ? (
          <Link href={timelineHref(deployment.repositoryId)} className="hover:underline">
            {source}
          </Link>
        ) : (
          source
        )}
      </span>
      {subjects.length > 0 ? (
        <span className="text-[13px]">
          {subjects[0]}
          {subjects.length > 1 && <span className="text-fg-muted"> and {subjects.length - 1} more</span>}
        </span>
      ) : (
        deployment.commitDetails.state === "unavailable" && <span className="text-xs text-warn">commit details unavailable</span>
      )}
    </span>
  );
}

function Who({ deployment }: { deployment: DeploymentDto }): ReactNode {
  const { authors, mergers } = deploymentPeople(deployment);
  return (
    <span className="flex flex-col gap-0.5 text-xs">
      {authors.length > 0 ? <span>{authors.join(", ")}</span> : <span className="text-fg-subtle">—</span>}
      {mergers.length > 0 && <span className="text-fg-muted">merged by {mergers.join(", ")}</span>}
      {deployment.trigger && (
        <span className="text-fg-muted">
          {deployment.trigger.action === "resume" ? "resumed" : "reconciled"} by <span className="font-medium text-fg">{deployment.trigger.user}</span>
        </span>
      )}
    </span>
  );
}

export function DeploymentsTable({ deployments, footer }: { deployments: DeploymentDto[]; footer: ReactNode }) {
  return (
    <DataTable
      label="Deployments"
      noun={["deployment", "deployments"]}
      data={deployments}
      columns={columns}
      getRowId={(deployment) => deployment.id}
      rowHeight={72}
      renderExpanded={(deployment) => <DeploymentDetails deployment={deployment} />}
      footer={footer}
    />
  );
}
