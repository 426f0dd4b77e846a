"use client";

import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";

interface Options {
  /** Stable row keys, in display order; measured heights follow a row when it moves. */
  keys: string[];
  estimate: number;
  overscan?: number;
  scrollRef: RefObject<HTMLElement | null>;
}

export interface VirtualWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
  /** Record a rendered row's real height (rows that expand are taller than the estimate). */
  measure: (key: string, height: number) => void;
}

/**
 * Renders only the rows in view (plus overscan) of a scrolling container, so a table of 10,000
 * objects costs the same as one of 50. Rows are assumed to be `estimate` tall until measured.
 */
export function useVirtualRows({ keys, estimate, overscan = 12, scrollRef }: Options): VirtualWindow {
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(new Map());

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const update = () => setViewport({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      element.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, [scrollRef]);

  const offsets = useMemo(() => {
    const result = new Float64Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) result[i + 1] = result[i]! + (measured.get(keys[i]!) ?? estimate);
    return result;
  }, [keys, measured, estimate]);

  const total = offsets[keys.length]!;
  const first = Math.max(0, firstAtOrAfter(offsets, viewport.top) - 1 - overscan);
  const last = Math.min(keys.length, firstAtOrAfter(offsets, viewport.top + viewport.height) + overscan);

  const measure = useCallback(
    (key: string, height: number) => {
      setMeasured((current) => {
        if (Math.abs((current.get(key) ?? estimate) - height) < 0.5) return current;
        const next = new Map(current);
        next.set(key, height);
        return next;
      });
    },
    [estimate],
  );

  return { start: first, end: last, padTop: offsets[first]!, padBottom: total - offsets[last]!, measure };
}

/** Binary search: the first index whose offset is at or past `y`. */
function firstAtOrAfter(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid]! < y) low = mid + 1;
    else high = mid;
  }
  return low;
}
