import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DashboardShell } from "@/components/shell/dashboard-shell";
import { actorFromSession } from "@/lib/auth";
import { SESSION_COOKIE } from "@/lib/api/request-context";
import { REQUEST_PATH_HEADER } from "@/proxy";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const actor = token ? await actorFromSession(token) : undefined;
  if (actor?.type !== "user") {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/clusters";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  return <DashboardShell user={{ name: actor.name, role: actor.role }}>{children}</DashboardShell>;
}
