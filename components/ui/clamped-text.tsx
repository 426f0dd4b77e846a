"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { cn } from "./cn";

/**
 * Long text (a Flux message, an audit reason) clamped to two lines, with a button that shows the
 * rest in place: reachable by keyboard and touch, where a `title` tooltip is not.
 */
export function ClampedText({ text, className }: { text: string; className?: string }) {
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || expanded) return;
    const check = () => setClamped(element.scrollHeight > element.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, expanded]);

  return (
    <span className="block">
      <span ref={ref} className={cn(expanded ? "block" : "line-clamp-2", "[overflow-wrap:anywhere] whitespace-pre-line", className)}>
        {text}
      </span>
      {(clamped || expanded) && (
        <button type="button" aria-expanded={expanded} onClick={() => setExpanded((value) => !value)} className="text-xs font-medium text-accent hover:underline">
          {expanded ? "Show less" : "Show more"}
        </button>
      )}
    </span>
  );
}
