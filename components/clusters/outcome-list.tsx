import { Badge, type Tone } from "@/components/ui/badge";
import type { ObjectOutcome } from "@/lib/audit/actions";

const tones: Record<ObjectOutcome["outcome"], Tone> = { changed: "ok", unchanged: "neutral", failed: "fail", skipped: "warn", pending: "info" };

/** Per-object results of an action: what changed, what did not, and why something failed. */
export function OutcomeList({ results }: { results: ObjectOutcome[] }) {
  if (results.length === 0) return <p className="text-xs text-fg-subtle">No objects were touched.</p>;
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-md border border-line">
      {results.map((result) => (
        <li key={`${result.kind}/${result.namespace}/${result.name}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5 text-xs">
          <Badge tone={tones[result.outcome]} className="min-w-20 justify-center">
            {result.outcome}
          </Badge>
          <span className="min-w-0 flex-1 font-mono [overflow-wrap:anywhere]">
            <span className="text-fg-subtle">{result.kind} </span>
            {result.namespace}/{result.name}
          </span>
          {/* Shown whole, wrapping: a tooltip would hide it from keyboard and touch users. */}
          {result.message && <span className="basis-full break-words text-fg-muted">{result.message}</span>}
        </li>
      ))}
    </ul>
  );
}
