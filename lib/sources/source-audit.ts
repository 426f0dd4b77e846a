import type { ObjectOutcome } from "../audit/actions";
import type { SourceDefinition } from "../schemas/sources";

export function sourceAuditTarget(definition: Pick<SourceDefinition, "name" | "namespace">) {
  return { kind: "GitOpsSource", namespace: definition.namespace, name: definition.name };
}

/** What the audit trail keeps of a definition: all of it but secrets, which a definition never holds (only the credential's id). */
export function sourceAuditView(definition: SourceDefinition, credentialId: string | null) {
  return { ...definition, credentialId };
}

/** One cluster's outcome in an audit record: the cluster stands in as the object, its message says what happened there. */
export function clusterOutcome(clusterName: string, outcome: ObjectOutcome["outcome"], message: string | null): ObjectOutcome {
  return { kind: "Cluster", namespace: "", name: clusterName, outcome, ...(message ? { message } : {}) };
}

/** success when every cluster went as planned, failure when none did, partial in between. */
export function overallOutcome(results: readonly ObjectOutcome[]): "success" | "partial" | "failure" {
  const failed = results.filter((result) => result.outcome === "failed" || result.outcome === "pending").length;
  if (failed === 0) return "success";
  return failed === results.length ? "failure" : "partial";
}

/** A rollout's outcome on one cluster as an audit result: applied and removed are changes. */
export function rolloutAuditResult(clusterName: string, result: { outcome: "applied" | "removed" | "pending" | "failed"; message: string | null }, note?: string): ObjectOutcome {
  const outcome = result.outcome === "applied" || result.outcome === "removed" ? "changed" : result.outcome;
  return clusterOutcome(clusterName, outcome, [result.outcome, note, result.message].filter(Boolean).join(": "));
}
