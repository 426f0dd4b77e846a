"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

interface TriggerProps {
  "aria-expanded": boolean;
  "aria-controls": string;
  onClick: () => void;
}

interface PopoverProps {
  trigger: (props: TriggerProps) => ReactNode;
  children: (close: () => void) => ReactNode;
  placement?: "bottom-start" | "bottom-end" | "top-start";
  className?: string;
}

const placements = {
  "bottom-start": "top-full left-0 mt-1",
  "bottom-end": "top-full right-0 mt-1",
  "top-start": "bottom-full left-0 mb-1",
};

/** A disclosure panel: Escape or a click outside closes it and returns focus to its trigger. */
export function Popover({ trigger, children, placement = "bottom-start", className }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      root.current?.querySelector<HTMLElement>("[aria-controls]")?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      {trigger({ "aria-expanded": open, "aria-controls": id, onClick: () => setOpen((value) => !value) })}
      <div
        id={id}
        hidden={!open}
        className={cn("absolute z-30 min-w-48 rounded-lg border border-line bg-panel p-1 shadow-pop", placements[placement], className)}
      >
        {open && children(() => setOpen(false))}
      </div>
    </div>
  );
}
