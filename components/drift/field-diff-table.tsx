import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { shortDateTime } from "@/components/ui/format";
import { formatAbsolute } from "@/components/ui/time-ago";
import type { FieldDrift } from "@/lib/schemas/drift";
import { formatValue } from "./describe-drift";

const th = "border-b border-line px-3 py-2 text-left text-[11px] font-medium tracking-wide whitespace-nowrap text-fg-subtle uppercase";
// Below md each field becomes a card: the path on top, then the sides and the writer, labelled.
const td = "border-b border-line px-3 py-2 align-top max-md:block max-md:border-0 max-md:px-0 max-md:py-1";

function Value({ value, absent }: { value: unknown; absent: string }) {
  if (value === undefined) return <span className="text-xs text-fg-subtle italic">{absent}</span>;
  return <pre className="font-mono text-xs leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">{formatValue(value)}</pre>;
}

/** Who last wrote a field, how and when, from the live object's managedFields. */
export function FieldWriter({ field }: { field: Pick<FieldDrift, "manager" | "operation" | "changedAt" | "handChange"> }) {
  if (!field.manager) return <span className="text-xs text-fg-subtle">writer unknown</span>;
  return (
    <span className="flex flex-col items-start gap-0.5 text-xs">
      <span className="font-mono break-all">{field.manager}</span>
      <span className="text-fg-muted">
        {field.operation ?? "—"}
        {!field.changedAt && ", time not recorded"}
        {field.changedAt && (
          <>
            {" "}
            at <time dateTime={field.changedAt}>{shortDateTime(field.changedAt)}</time>
            <span className="sr-only"> ({formatAbsolute(field.changedAt)})</span>
          </>
        )}
      </span>
      {field.handChange && <Badge tone="warn">hand change</Badge>}
    </span>
  );
}

interface FieldDiffTableProps {
  fields: FieldDrift[];
  label: string;
  /** False in managed-fields mode: without the flux CLI, what Git wants is not known. */
  desiredKnown: boolean;
}

/** Desired (what Flux would apply) against live, one field per row, with the writer of each. */
export function FieldDiffTable({ fields, label, desiredKnown }: FieldDiffTableProps) {
  return (
    <table role="table" className="w-full border-separate border-spacing-0 text-[13px] max-md:block" aria-label={label}>
      <thead role="rowgroup" className="max-md:sr-only">
        <tr role="row">
          <th role="columnheader" scope="col" className={th}>
            Field
          </th>
          <th role="columnheader" scope="col" className={th}>
            Desired (Git)
          </th>
          <th role="columnheader" scope="col" className={th}>
            Live (cluster)
          </th>
          <th role="columnheader" scope="col" className={th}>
            Last written by
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup" className="max-md:block">
        {fields.map((field) => (
          <tr key={field.path} role="row" className={cn("max-md:block max-md:border-b max-md:border-line max-md:py-2", field.handChange && "bg-warn-soft/40")}>
            <td role="cell" className={cn(td, "font-mono text-xs font-medium [overflow-wrap:anywhere] md:w-1/4")}>{field.path}</td>
            <td role="cell" className={cn(td, "md:w-1/4")} data-card-label="Desired (Git)">
              <Value value={field.desired} absent={desiredKnown ? "not set in Git" : "unknown without the flux CLI"} />
            </td>
            <td role="cell" className={cn(td, "md:w-1/4")} data-card-label="Live (cluster)">
              <Value value={field.live} absent="absent on the cluster" />
            </td>
            <td role="cell" className={td} data-card-label="Last written by">
              <FieldWriter field={field} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
