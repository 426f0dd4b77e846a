"use client";

import { Select } from "@/components/ui/field";
import type { ClusterDrift, ObjectDriftChange } from "@/lib/schemas/drift";
import { changeLabel } from "./describe-drift";
import { reconcilerKey, type DriftFilters as Filters } from "./filter-drifted-objects";

interface DriftFiltersProps {
  drift: ClusterDrift;
  filters: Filters;
  onChange: (changes: Record<string, string | null>) => void;
}

/** Reconciler, kind, change type and "hand changes only"; kept in the URL by the page. */
export function DriftFilters({ drift, filters, onChange }: DriftFiltersProps) {
  const kinds = [...new Set(drift.objects.map((object) => object.kind))].sort();
  return (
    <div role="search" aria-label="Filter drifted objects" className="flex flex-wrap items-center gap-2">
      <Select aria-label="Reconciler" className="max-w-full min-w-0 sm:w-64" value={filters.reconciler ?? ""} onChange={(event) => onChange({ reconciler: event.target.value || null })}>
        <option value="">All reconcilers</option>
        {drift.reconcilers.map(({ reconciler }) => (
          <option key={reconcilerKey(reconciler)} value={reconcilerKey(reconciler)}>
            {reconciler.kind} {reconciler.namespace}/{reconciler.name}
          </option>
        ))}
      </Select>
      <Select aria-label="Kind" className="w-40" value={filters.kind ?? ""} onChange={(event) => onChange({ kind: event.target.value || null })}>
        <option value="">All kinds</option>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </Select>
      <Select aria-label="Change" className="w-52" value={filters.change ?? ""} onChange={(event) => onChange({ change: event.target.value || null })}>
        <option value="">All changes</option>
        {(Object.keys(changeLabel) as ObjectDriftChange[]).map((change) => (
          <option key={change} value={change}>
            {changeLabel[change]}
          </option>
        ))}
      </Select>
      <label className="flex h-8 items-center gap-2 rounded-md border border-line-strong bg-canvas px-2.5 text-[13px]">
        <input type="checkbox" checked={filters.handOnly} onChange={(event) => onChange({ hand: event.target.checked ? "1" : null })} className="accent-(--accent)" />
        Hand changes only
      </label>
    </div>
  );
}
