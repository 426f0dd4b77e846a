import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FluxCondition } from "@/lib/fleet/dto";
import { conditionTone } from "./condition-tone";

/** Conditions are short and few; a plain table reads better here than the virtualised one. */
export function ConditionsTable({ conditions }: { conditions: FluxCondition[] }) {
  if (conditions.length === 0) return <p className="px-4 py-3 text-[13px] text-fg-subtle">Flux has not reported any conditions yet.</p>;
  return (
    // Focusable, so a keyboard can scroll it sideways on a narrow screen.
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full text-left text-[13px]">
        <thead className="text-[11px] tracking-wide text-fg-subtle uppercase">
          <tr>
            {["Type", "Status", "Reason", "Message", "Since"].map((heading) => (
              <th key={heading} scope="col" className="border-b border-line px-4 py-2 font-medium whitespace-nowrap">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {conditions.map((condition) => (
            <tr key={condition.type} className="align-top">
              <td className="border-b border-line px-4 py-2 font-medium whitespace-nowrap">{condition.type}</td>
              <td className="border-b border-line px-4 py-2">
                <Badge tone={conditionTone(condition)}>{condition.status}</Badge>
              </td>
              <td className="border-b border-line px-4 py-2 font-mono text-xs whitespace-nowrap text-fg-muted">{condition.reason ?? "—"}</td>
              <td className="border-b border-line px-4 py-2 break-words text-fg-muted">{condition.message ?? "—"}</td>
              <td className="border-b border-line px-4 py-2 text-xs whitespace-nowrap text-fg-subtle">
                <TimeAgo iso={condition.lastTransitionTime} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
