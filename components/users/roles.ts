import type { UserDto } from "@/lib/schemas/users";

export type Role = UserDto["role"];

export const roles: Role[] = ["viewer", "operator", "admin"];

/** What each role may do, in the words the role picker shows. */
export const roleDescriptions: Record<Role, string> = {
  viewer: "Sees every cluster, object and audit record; changes nothing",
  operator: "Also pauses and resumes auto-sync and reconciles",
  admin: "Also adds and removes clusters and manages users",
};
