"use client";

import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import { useFleetEvents } from "@/lib/queries/use-fleet-events";
import { AppShell } from "./app-shell";
import { LiveIndicator } from "./live-indicator";
import { SessionProvider, type SessionUser } from "./session-context";

export function DashboardShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const status = useFleetEvents();
  return (
    <SessionProvider user={user}>
      <ToastProvider>
        <AppShell status={<LiveIndicator status={status} />}>{children}</AppShell>
      </ToastProvider>
    </SessionProvider>
  );
}
