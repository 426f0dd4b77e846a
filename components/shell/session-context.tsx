"use client";

import { createContext, useContext, type ReactNode } from "react";
import { roleAllows, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/actor";

export interface SessionUser {
  name: string;
  role: Role;
}

const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user, resolved on the server by the dashboard layout. */
export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSessionUser must be used inside the dashboard layout");
  return user;
}

/** Hides nothing: controls a role may not use are shown disabled, with the reason. */
export function useCan(permission: Permission): boolean {
  return roleAllows(useSessionUser().role, permission);
}
