"use client";

import { useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

interface ExpandableTextProps {
  /** One line, cut with an ellipsis where the column is narrow; its full text is the button's name. */
  summary: ReactNode;
  /** Everything, wrapped, in a panel that opens on click, tap, Enter or Space. */
  children: ReactNode;
  className?: string;
}

/**
 * Text a table cell has no room for, readable in full without a tooltip: a button showing the
 * start of it opens a panel with all of it. The panel is a native popover, drawn above the table
 * (a cell clips anything inside it) and anchored under the button; Escape or a click elsewhere
 * closes it.
 */
export function ExpandableText({ summary, children, className }: ExpandableTextProps) {
  const id = useId();
  // The details exist only while shown, so a table of 10,000 rows holds no 10,000 hidden copies.
  const [open, setOpen] = useState(false);
  const anchor = `--expand-${id.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        style={{ anchorName: anchor }}
        className={cn("block max-w-full min-w-0 cursor-pointer truncate rounded text-left underline decoration-dotted decoration-1 underline-offset-2 hover:text-fg", className)}
      >
        {summary}
      </button>
      <div
        id={id}
        popover="auto"
        onToggle={(event) => setOpen(event.newState === "open")}
        style={{ positionAnchor: anchor, positionArea: "bottom span-right", positionTryFallbacks: "flip-block, flip-inline" }}
        className="m-0 mt-1 max-w-[min(28rem,calc(100vw-1rem))] rounded-lg border border-line bg-panel px-3 py-2 text-[13px] break-words whitespace-normal text-fg shadow-pop"
      >
        {open && children}
      </div>
    </>
  );
}
