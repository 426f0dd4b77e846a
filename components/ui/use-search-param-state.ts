"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * Filters live in the URL, so a filtered view can be bookmarked and shared. Updates go through
 * history.replaceState, which Next.js syncs into useSearchParams without a server round trip:
 * typing in a search box must not fetch the page once per keystroke. Empty values are dropped.
 */
export function useSearchParamState() {
  const params = useSearchParams();
  const pathname = usePathname();

  const update = useCallback(
    (changes: Record<string, string | string[] | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        next.delete(key);
        for (const item of Array.isArray(value) ? value : [value]) if (item) next.append(key, item);
      }
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [params, pathname],
  );

  return [params, update] as const;
}
