"use client";

import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon, SettingsIcon, SignOutIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { useSignOut } from "@/lib/queries/use-sign-out";
import { useSessionUser } from "./session-context";

export function UserMenu({ placement = "top-start", compact }: { placement?: "top-start" | "bottom-end"; compact?: boolean }) {
  const user = useSessionUser();
  const signOut = useSignOut();
  return (
    <Popover
      placement={placement}
      className="w-56"
      trigger={(props) => (
        <button
          type="button"
          {...props}
          className={cn("flex w-full items-center gap-2 rounded-md p-1.5 text-left hover:bg-hover", compact && "w-auto")}
        >
          <Avatar name={user.name} />
          {/* The name is the visible text, so speech users can say what they see (WCAG 2.5.3). */}
          <span className="sr-only">Account: </span>
          {compact ? (
            <span className="sr-only">{user.name}</span>
          ) : (
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[13px] font-medium">{user.name}</span>
              <span className="block text-[11px] text-fg-subtle capitalize">{user.role}</span>
            </span>
          )}
          <ChevronDownIcon className="size-3.5 text-fg-subtle" />
        </button>
      )}
    >
      {(close) => (
        <>
          <div className="border-b border-line px-2.5 py-2">
            <div className="truncate text-[13px] font-medium">{user.name}</div>
            <div className="text-[11px] text-fg-subtle">
              Role: <span className="capitalize">{user.role}</span>
            </div>
          </div>
          <Link
            href="/settings"
            onClick={close}
            className="mt-1 flex h-8 w-full items-center gap-2 rounded-md px-2.5 text-[13px] text-fg-muted hover:bg-hover hover:text-fg"
          >
            <SettingsIcon />
            Settings
          </Link>
          <button
            type="button"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
            className="flex h-8 w-full items-center gap-2 rounded-md px-2.5 text-[13px] text-fg-muted hover:bg-hover hover:text-fg"
          >
            {signOut.isPending ? <Spinner /> : <SignOutIcon />}
            Sign out
          </button>
        </>
      )}
    </Popover>
  );
}

function Avatar({ name }: { name: string }) {
  return (
    <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent uppercase">
      {name.slice(0, 1)}
    </span>
  );
}
