"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { AuditIcon, ClustersIcon, DeploymentsIcon, SourcesIcon, TimelineIcon, UsersIcon } from "@/components/ui/icons";
import { useCan } from "./session-context";

const items = [
  { href: "/clusters", label: "Clusters", icon: ClustersIcon },
  { href: "/sources", label: "Sources", icon: SourcesIcon },
  { href: "/timeline", label: "Timeline", icon: TimelineIcon },
  { href: "/deployments", label: "Deployments", icon: DeploymentsIcon },
  { href: "/audit", label: "Audit", icon: AuditIcon },
];

// Only admins manage users; others would find nothing to do there.
const adminItems = [{ href: "/users", label: "Users", icon: UsersIcon }];

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const admin = useCan("users.manage");
  return (
    <ul className="flex flex-col gap-0.5">
      {(admin ? [...items, ...adminItems] : items).map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-[13px] font-medium transition-colors",
                active ? "bg-selected text-fg" : "text-fg-muted hover:bg-hover hover:text-fg",
              )}
            >
              <Icon className={cn("shrink-0", active ? "text-accent" : "text-fg-subtle")} />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
