import { stringify } from "csv-stringify/sync";
import type { DeploymentDto } from "../schemas/timeline";

const COLUMNS = [
  "applied_at",
  "cluster",
  "reconciler",
  "source",
  "repository",
  "revision",
  "previous_revision",
  "change",
  "commits",
  "authors",
  "pull_requests",
  "merged_by",
  "triggered_by",
  "trigger_action",
  "lead_time_seconds",
  "commit_details",
];

/** A spreadsheet runs a cell that starts like a formula; names and messages come from users, so such cells get an apostrophe. */
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

/**
 * RFC 4180 CSV of deployments, one line per deployment. `commits` lists "<short sha> <subject>",
 * `lead_time_seconds` each commit's lead time in the same order, every list joined with "; ".
 */
export function deploymentsCsv(deployments: DeploymentDto[]): string {
  const rows = deployments.map((d) =>
    [
      d.appliedAt,
      d.cluster.name,
      `${d.reconciler.kind} ${d.reconciler.namespace}/${d.reconciler.name}`,
      `${d.source.kind} ${d.source.namespace}/${d.source.name}`,
      d.source.url ?? "",
      d.revision,
      d.previousRevision ?? "",
      d.change,
      d.commits.map((c) => `${c.shortSha} ${c.subject}`).join("; "),
      unique(d.commits.map((c) => `${c.authorName} <${c.authorEmail}>`)).join("; "),
      unique(d.commits.map((c) => c.pullRequest && `#${c.pullRequest.number}`)).join("; "),
      unique(d.commits.map((c) => c.pullRequest?.mergedBy ?? null)).join("; "),
      d.trigger?.user ?? "",
      d.trigger?.action ?? "",
      d.commits.map((c) => String(c.leadTimeSeconds)).join("; "),
      d.commitDetails.state,
    ].map(safe),
  );
  return stringify([COLUMNS, ...rows], { record_delimiter: "windows" });
}
