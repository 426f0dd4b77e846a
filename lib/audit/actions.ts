/** Every action the audit trail records. Adding a mutation means adding its action here. */
export const auditActions = [
  "cluster.add",
  "cluster.update",
  "cluster.remove",
  "autosync.disable",
  "autosync.enable",
  "autosync.expire",
  "reconcile",
  "user.add",
  "user.update",
  "user.disable",
  "user.enable",
  "user.password.reset",
  "user.password.change",
  "token.create",
  "token.revoke",
  "auth.lockout",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** "skipped": nothing was attempted, e.g. a reconcile of an object that is suspended. */
export type AuditOutcome = "success" | "partial" | "failure" | "skipped";

/** What happened to one object an action touched. */
export interface ObjectOutcome {
  kind: string;
  namespace: string;
  name: string;
  outcome: "changed" | "unchanged" | "failed" | "skipped";
  message?: string;
}
