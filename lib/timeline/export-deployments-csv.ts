import type { DeploymentsFilter } from "../schemas/timeline-input";
import { deploymentsCsv } from "./deployments-csv";
import { listDeployments } from "./list-deployments";

/** Every deployment matching the filters (paging ignored), up to a bound that keeps one response sane. */
export const CSV_MAX_ROWS = 50_000;

export async function exportDeploymentsCsv(filter: DeploymentsFilter = {}): Promise<string> {
  const deployments = [];
  let cursor: string | undefined;
  do {
    const page = await listDeployments({ ...filter, cursor, limit: 500 });
    deployments.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && deployments.length < CSV_MAX_ROWS);
  return deploymentsCsv(deployments.slice(0, CSV_MAX_ROWS));
}
