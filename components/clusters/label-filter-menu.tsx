"use client";

import { useMemo } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CheckIcon, ChevronDownIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import type { ClusterSummary } from "@/lib/fleet/dto";

/** Every key=value in the fleet, with how many clusters carry it; picking one filters. */
export function LabelFilterMenu({ clusters, selected, onToggle }: { clusters: ClusterSummary[]; selected: string[]; onToggle: (label: string) => void }) {
  const labels = useMemo(() => {
    const counts = new Map<string, number>();
    for (const cluster of clusters) for (const [key, value] of Object.entries(cluster.labels)) counts.set(`${key}=${value}`, (counts.get(`${key}=${value}`) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  }, [clusters]);

  return (
    <Popover
      className="max-h-80 w-64 overflow-y-auto"
      trigger={(props) => (
        <button type="button" {...props} className={buttonClass("secondary", "md")} disabled={labels.length === 0}>
          Labels
          {selected.length > 0 && <span className="rounded bg-accent-soft px-1 text-[11px] text-accent">{selected.length}</span>}
          <ChevronDownIcon className="size-3.5 text-fg-subtle" />
        </button>
      )}
    >
      {() =>
        labels.map(([label, count]) => {
          const on = selected.includes(label);
          return (
            <button
              key={label}
              type="button"
              aria-pressed={on}
              onClick={() => onToggle(label)}
              className={cn("flex h-7 w-full items-center gap-2 rounded px-2 text-left font-mono text-xs hover:bg-hover", on && "text-accent")}
            >
              <CheckIcon className={cn("size-3.5 shrink-0", !on && "invisible")} />
              <span className="min-w-0 flex-1 truncate">{label}</span>
              <span className="text-fg-subtle tabular-nums">{count}</span>
            </button>
          );
        })
      }
    </Popover>
  );
}
