/** Every action the audit trail records. Adding a mutation means adding its action here. */
export const auditActions = [
  "cluster.add",
  "cluster.update",
  "cluster.remove",
  "autosync.disable",
  "autosync.enable",
  "autosync.expire",
  "reconcile",
  "policy.create",
  "policy.update",
  "policy.delete",
  "user.add",
  "user.update",
  "user.disable",
  "user.enable",
  "user.password.reset",
  "user.password.change",
  "token.create",
  "token.revoke",
  "git_credential.add",
  "git_credential.update",
  "git_credential.rotate",
  "git_credential.remove",
  "git_credential.test",
  "source.create",
  "source.update",
  "source.delete",
  "source.apply",
  "source.adopt",
  "auth.lockout",
] as const;

export type AuditAction = (typeof auditActions)[number];

/**
 * "skipped": nothing was attempted, e.g. a reconcile of an object that is suspended.
 * "pending": an intent, written before a change to a cluster starts; its completion follows as a
 * record of its own. "interrupted": the completion the leader writes for an intent whose replica
 * died mid-way, with each object's outcome as read back from the cluster.
 */
export type AuditOutcome = "success" | "partial" | "failure" | "skipped" | "pending" | "interrupted";

/** What happened to one object an action touched. */
export interface ObjectOutcome {
  kind: string;
  namespace: string;
  name: string;
  outcome: "changed" | "unchanged" | "failed" | "skipped" | "pending";
  message?: string;
  /** On a pending intent: the annotations the object carries once the change has landed. */
  expect?: Record<string, string>;
}
