"use client";

import { useCallback, useEffect, useState, type MouseEvent } from "react";

export interface ActiveDetails {
  key: string;
  anchor: HTMLElement;
  /** hover: until the pointer leaves. focus: until focus moves on. pin: a click or tap, until clicked again or Escape. */
  via: "hover" | "focus" | "pin";
}

/**
 * One details panel for a whole grid, opened by hover, by keyboard focus and by a tap, so mouse,
 * keyboard and touch users all reach it (a `title` reaches only the first). A focus always comes
 * before the click of a tap, so a click pins what focus opened instead of closing it again; and a
 * pointer that a scroll happens to move over another cell never takes the panel from the focused one.
 */
export function useHoverDetails() {
  const [active, setActive] = useState<ActiveDetails | null>(null);

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setActive(null);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [active]);

  const triggerProps = useCallback(
    (key: string) => ({
      onMouseEnter: (event: MouseEvent<HTMLElement>) => {
        const anchor = event.currentTarget;
        setActive((current) => (current && current.via !== "hover" ? current : { key, anchor, via: "hover" }));
      },
      onMouseLeave: () => setActive((current) => (current?.key === key && current.via === "hover" ? null : current)),
      onFocus: (event: { currentTarget: HTMLElement }) => {
        const anchor = event.currentTarget;
        setActive((current) => (current?.key === key && current.via === "pin" ? current : { key, anchor, via: "focus" }));
      },
      onBlur: () => setActive((current) => (current?.key === key ? null : current)),
      onClick: (event: MouseEvent<HTMLElement>) => {
        const anchor = event.currentTarget;
        setActive((current) => (current?.key === key && current.via === "pin" ? null : { key, anchor, via: "pin" }));
      },
    }),
    [],
  );

  return { active, triggerProps };
}
