import type { Role } from "../db/generated/enums";

/** A user as the API, the CLI and the audit trail show one: never a password hash. */
export interface UserSummary {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

export const userSummaryFields = { id: true, name: true, email: true, role: true, createdAt: true, disabledAt: true } as const;

export function toUserSummary(row: UserSummary): UserSummary {
  return { id: row.id, name: row.name, email: row.email, role: row.role, createdAt: row.createdAt, disabledAt: row.disabledAt };
}
