import type { Role } from "../db/generated/enums";

/**
 * What each role may do. Roles are ordered: an operator can do all a viewer can, an admin all an
 * operator can. Full RBAC (per cluster, per label) will replace this table, not the call sites.
 */
export const permissionRoles = {
  read: "viewer",
  "clusters.autosync": "operator",
  "clusters.reconcile": "operator",
  "clusters.manage": "admin",
  "git.credentials.test": "operator",
  "git.credentials.manage": "admin",
  /** A source makes Flux apply whatever its repository holds with kustomize-controller's cluster-wide rights, on many clusters at once: an admin's power, as registering a cluster is. */
  "sources.manage": "admin",
  "users.manage": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof permissionRoles;

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function roleAllows(role: Role, permission: Permission): boolean {
  return rank[role] >= rank[permissionRoles[permission]];
}
