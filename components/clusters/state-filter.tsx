import { cn } from "@/components/ui/cn";
import { objectStates } from "@/components/fleet/object-state-pill";
import type { FluxObjectSummary, ObjectState } from "@/lib/fleet/dto";

const order: ObjectState[] = ["failing", "suspended", "progressing", "ready", "unknown"];
const dots = { ok: "bg-ok-bar", fail: "bg-fail-bar", warn: "bg-warn-bar", info: "bg-info-bar", neutral: "bg-neutral-bar", accent: "bg-accent" };

/** "All 12 · Failing 1 · Suspended 3 …": a filter that is also a summary. */
export function StateFilter({ objects, value, onChange }: { objects: FluxObjectSummary[]; value: ObjectState | null; onChange: (state: ObjectState | null) => void }) {
  const counts = new Map<ObjectState, number>();
  for (const object of objects) counts.set(object.state, (counts.get(object.state) ?? 0) + 1);
  const options = [{ state: null, label: "All", count: objects.length }, ...order.filter((state) => counts.get(state)).map((state) => ({ state, label: objectStates[state].label, count: counts.get(state)! }))];
  return (
    <div role="group" aria-label="Filter by state" className="flex flex-wrap items-center gap-1">
      {options.map(({ state, label, count }) => (
        <button
          key={label}
          type="button"
          aria-pressed={value === state}
          onClick={() => onChange(state)}
          className={cn(
            "inline-flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs font-medium",
            value === state ? "border-line-strong bg-selected text-fg" : "border-transparent text-fg-muted hover:bg-hover hover:text-fg",
          )}
        >
          {state && <span aria-hidden="true" className={cn("size-1.5 rounded-full", dots[objectStates[state].tone])} />}
          {label}
          <span className="tabular-nums text-fg-subtle">{count.toLocaleString()}</span>
        </button>
      ))}
    </div>
  );
}
