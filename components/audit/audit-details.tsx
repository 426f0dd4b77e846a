import { OutcomeList } from "@/components/clusters/outcome-list";
import type { AuditEventDto } from "@/lib/fleet/dto";

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0 flex-1">
      <h4 className="mb-1 text-[11px] font-medium tracking-wide text-fg-subtle uppercase">{label}</h4>
      <pre className="max-h-64 overflow-auto rounded-md border border-line bg-code p-2.5 font-mono text-[11px] leading-relaxed">
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** Everything the record holds: per-object results, the state before and after, and its origin. */
export function AuditDetails({ event }: { event: AuditEventDto }) {
  return (
    <div className="flex flex-col gap-3 whitespace-normal">
      {event.results && (
        <div>
          <h4 className="mb-1 text-[11px] font-medium tracking-wide text-fg-subtle uppercase">Per-object results</h4>
          <OutcomeList results={event.results} />
        </div>
      )}
      {(event.before !== null || event.after !== null) && (
        <div className="flex flex-col gap-3 md:flex-row">
          <Json label="Before" value={event.before} />
          <Json label="After" value={event.after} />
        </div>
      )}
      <p className="text-xs text-fg-subtle">
        {event.actorType === "system" ? "Done by Syncline itself" : `By ${event.actorName}`}
        {event.clientIp && ` from ${event.clientIp}`}
        {event.requestId && (
          <>
            {" "}
            · request <span className="font-mono">{event.requestId}</span>
          </>
        )}
      </p>
    </div>
  );
}
