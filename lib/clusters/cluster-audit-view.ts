import type { Cluster } from "../db/generated/client";

/** What the audit trail records about a cluster: never the kubeconfig. */
export function clusterAuditView(row: Cluster) {
  return { name: row.name, server: row.server, context: row.context, labels: row.labels, fluxVersion: row.fluxVersion, capabilities: row.capabilities };
}
