"use client";

import { subDays, subHours } from "date-fns";
import { useEffect, useState } from "react";
import { Select, TextInput } from "@/components/ui/field";
import { auditActions } from "@/lib/audit/actions";
import type { AuditFilters as Filters } from "@/lib/queries/keys";
import { useClusters } from "@/lib/queries/use-clusters";

const ranges = {
  "": { label: "Any time", from: null },
  "1h": { label: "Last hour", from: () => subHours(new Date(), 1) },
  "24h": { label: "Last 24 hours", from: () => subDays(new Date(), 1) },
  "7d": { label: "Last 7 days", from: () => subDays(new Date(), 7) },
  "30d": { label: "Last 30 days", from: () => subDays(new Date(), 30) },
  custom: { label: "Between…", from: null },
} as const;

export type RangeKey = keyof typeof ranges;

interface AuditFiltersProps {
  filters: Filters;
  range: RangeKey;
  onChange: (changes: Record<string, string | null>) => void;
}

/** datetime-local wants local "yyyy-MM-ddTHH:mm"; the API wants ISO with an offset. */
const toLocalInput = (iso: string | undefined) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : "");
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

export function AuditFilters({ filters, range, onChange }: AuditFiltersProps) {
  const clusters = useClusters();
  const [actor, setActor] = useState(filters.actor ?? "");

  // Typing a name should not fire a request per keystroke.
  useEffect(() => {
    if (actor === (filters.actor ?? "")) return;
    const timer = setTimeout(() => onChange({ actor: actor.trim() || null }), 350);
    return () => clearTimeout(timer);
  }, [actor, filters.actor, onChange]);

  const chooseRange = (key: RangeKey) => {
    const preset = ranges[key];
    onChange({ range: key || null, from: preset.from ? preset.from().toISOString() : key === "custom" ? (filters.from ?? null) : null, to: key === "custom" ? (filters.to ?? null) : null });
  };

  return (
    <div role="search" aria-label="Filter the audit trail" className="flex flex-wrap items-center gap-2">
      <Select aria-label="Cluster" className="w-44" value={filters.cluster ?? ""} onChange={(event) => onChange({ cluster: event.target.value || null })}>
        <option value="">All clusters</option>
        {clusters.data?.map((cluster) => (
          <option key={cluster.id} value={cluster.id}>
            {cluster.name}
          </option>
        ))}
      </Select>
      <TextInput aria-label="Actor" placeholder="Actor (user name)" className="w-40" value={actor} onChange={(event) => setActor(event.target.value)} />
      <Select aria-label="Action" className="w-44" value={filters.action ?? ""} onChange={(event) => onChange({ action: event.target.value || null })}>
        <option value="">All actions</option>
        {auditActions.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </Select>
      <Select aria-label="Time range" className="w-40" value={range} onChange={(event) => chooseRange(event.target.value as RangeKey)}>
        {Object.entries(ranges).map(([key, { label }]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </Select>
      {range === "custom" && (
        <>
          <TextInput type="datetime-local" aria-label="From" className="w-52" value={toLocalInput(filters.from)} onChange={(event) => onChange({ from: fromLocalInput(event.target.value) })} />
          <span className="text-xs text-fg-subtle">to</span>
          <TextInput type="datetime-local" aria-label="To" className="w-52" value={toLocalInput(filters.to)} onChange={(event) => onChange({ to: fromLocalInput(event.target.value) })} />
        </>
      )}
    </div>
  );
}

export function isRangeKey(value: string | null): value is RangeKey {
  return value !== null && value in ranges;
}
