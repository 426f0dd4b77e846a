"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { CloseIcon, Logo, MenuIcon } from "@/components/ui/icons";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

function Brand() {
  return (
    <Link href="/clusters" className="flex items-center gap-2 rounded-md px-1 text-[14px] font-semibold tracking-tight">
      <Logo />
      Syncline
    </Link>
  );
}

/** Sidebar on wide screens; a top bar with a disclosure menu on narrow ones. */
export function AppShell({ children, status }: { children: ReactNode; status?: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="flex h-dvh flex-col md:flex-row">
      {/* Shown only while focused, below the top bar and beside the sidebar: never over the logo. */}
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent text-accent-fg shadow-pop focus:not-sr-only focus:fixed focus:top-14 focus:left-3 focus:px-3 focus:py-2 md:focus:top-3 md:focus:left-60"
      >
        Skip to content
      </a>

      <aside className="hidden w-56 shrink-0 flex-col border-r border-line bg-sidebar md:flex">
        <div className="flex h-12 items-center px-3">
          <Brand />
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-2 py-2">
          <NavLinks />
        </nav>
        <div className="flex flex-col gap-2 border-t border-line p-2">
          <div className="flex items-center justify-between px-1">
            {status ?? <span />}
            <ThemeToggle />
          </div>
          <UserMenu />
        </div>
      </aside>

      <header className="relative z-20 border-b border-line bg-sidebar md:hidden">
        <div className="flex h-12 items-center justify-between px-3">
          <Brand />
          <div className="flex items-center gap-1">
            {status}
            <button
              type="button"
              aria-expanded={menuOpen}
              aria-controls="mobile-nav"
              aria-label={menuOpen ? "Close navigation" : "Open navigation"}
              onClick={() => setMenuOpen((open) => !open)}
              className="flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-hover hover:text-fg"
            >
              {menuOpen ? <CloseIcon /> : <MenuIcon />}
            </button>
          </div>
        </div>
        <div id="mobile-nav" hidden={!menuOpen} className="border-t border-line px-2 pt-2 pb-3">
          <nav aria-label="Main">
            <NavLinks onNavigate={() => setMenuOpen(false)} />
          </nav>
          <div className="mt-2 flex items-center justify-between border-t border-line px-1 pt-2">
            <UserMenu placement="bottom-end" />
            <ThemeToggle />
          </div>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="flex min-h-0 min-w-0 flex-1 flex-col overflow-auto focus:outline-none">
        {children}
      </main>
    </div>
  );
}
