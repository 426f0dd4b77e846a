/** How audit records name a user: by value, so the record outlives a later rename or removal. */
export function userAuditTarget(user: { name: string }): { kind: string; namespace: string; name: string } {
  return { kind: "User", namespace: "", name: user.name };
}
