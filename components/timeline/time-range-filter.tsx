"use client";

import { subDays, subHours } from "date-fns";
import { Select, TextInput } from "@/components/ui/field";

const ranges = {
  "": { label: "Default range", from: null },
  "24h": { label: "Last 24 hours", from: () => subHours(new Date(), 24) },
  "7d": { label: "Last 7 days", from: () => subDays(new Date(), 7) },
  "30d": { label: "Last 30 days", from: () => subDays(new Date(), 30) },
  "90d": { label: "Last 90 days", from: () => subDays(new Date(), 90) },
  custom: { label: "Between…", from: null },
} as const;

export type RangeKey = keyof typeof ranges;

export function isRangeKey(value: string | null): value is RangeKey {
  return value !== null && value in ranges;
}

/** datetime-local wants local "yyyy-MM-ddTHH:mm"; the API wants ISO. */
const toLocalInput = (iso: string | undefined) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : "");
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

interface TimeRangeFilterProps {
  range: RangeKey;
  from: string | undefined;
  to: string | undefined;
  onChange: (changes: Record<string, string | null>) => void;
}

/** A preset or two times, written to the URL as range, from and to (ISO). */
export function TimeRangeFilter({ range, from, to, onChange }: TimeRangeFilterProps) {
  const choose = (key: RangeKey) => {
    const preset = ranges[key];
    onChange({ range: key || null, from: preset.from ? preset.from().toISOString() : key === "custom" ? (from ?? null) : null, to: key === "custom" ? (to ?? null) : null });
  };
  return (
    <>
      <Select aria-label="Time range" className="w-40" value={range} onChange={(event) => choose(event.target.value as RangeKey)}>
        {Object.entries(ranges).map(([key, { label }]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </Select>
      {range === "custom" && (
        <>
          <TextInput type="datetime-local" aria-label="From" className="w-52" value={toLocalInput(from)} onChange={(event) => onChange({ from: fromLocalInput(event.target.value) })} />
          <span className="text-xs text-fg-subtle">to</span>
          <TextInput type="datetime-local" aria-label="To" className="w-52" value={toLocalInput(to)} onChange={(event) => onChange({ to: fromLocalInput(event.target.value) })} />
        </>
      )}
    </>
  );
}
