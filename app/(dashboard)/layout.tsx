import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DashboardShell } from "@/components/shell/dashboard-shell";
import { actorFromSession } from "@/lib/auth";
import { sessionTokenOf } from "@/lib/api/request-context";
import { REQUEST_PATH_HEADER } from "@/proxy";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const token = sessionTokenOf({ headers: requestHeaders });
  const actor = token ? await actorFromSession(token) : undefined;
  if (actor?.type !== "user") {
    const path = requestHeaders.get(REQUEST_PATH_HEADER) ?? "/clusters";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  return <DashboardShell user={{ name: actor.name, role: actor.role }}>{children}</DashboardShell>;
}
