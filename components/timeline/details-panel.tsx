"use client";

import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

const GAP = 6;
const MARGIN = 8;

/**
 * The details of the cell under the pointer or focus, as a tooltip placed against the viewport so
 * that the grid's own scrolling box never clips it: below the cell, or above when it would not fit.
 */
export function DetailsPanel({ id, anchor, children }: { id: string; anchor: HTMLElement; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  // Focus moving across the grid scrolls it; the panel follows its cell, and hides while the cell is scrolled out of the window.
  useLayoutEffect(() => {
    const place = () => {
      const panel = ref.current;
      if (!panel) return;
      if (!anchor.isConnected) return setPosition(null);
      const cell = anchor.getBoundingClientRect();
      const { width, height } = panel.getBoundingClientRect();
      const below = cell.bottom + GAP;
      const top = below + height <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, cell.top - GAP - height);
      const left = Math.min(Math.max(MARGIN, cell.left), window.innerWidth - width - MARGIN);
      setPosition({ top, left });
    };
    place();
    document.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    return () => {
      document.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
    };
  }, [anchor]);

  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      className="pointer-events-none fixed z-40 w-80 max-w-[calc(100vw-16px)] rounded-lg border border-line bg-panel p-3 text-[13px] shadow-pop"
      style={position ? { top: position.top, left: position.left } : { top: 0, left: 0, visibility: "hidden" }}
    >
      {children}
    </div>
  );
}

/** A labelled line of the details panel. */
export function DetailLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-20 shrink-0 text-fg-subtle">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}
