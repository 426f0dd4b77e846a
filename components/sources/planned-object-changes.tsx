import { Badge, type Tone } from "@/components/ui/badge";
import type { ClusterPlanDto } from "@/lib/schemas/sources";
import { describeValue, fieldRows } from "./describe-value";

type PlannedObject = ClusterPlanDto["objects"][number];

const actionTones: Record<PlannedObject["action"], Tone> = { create: "ok", update: "info", remove: "fail", unchanged: "neutral" };

/** One object an apply writes: what it does to it, and each field old → new (the server computed the diff). */
export function PlannedObjectChanges({ object }: { object: PlannedObject }) {
  return (
    <li className="rounded-md border border-line">
      <div className="flex flex-wrap items-center gap-2 px-3 py-1.5">
        <Badge tone={actionTones[object.action]}>{object.action}</Badge>
        <span className="text-xs text-fg-muted">{object.kind}</span>
        <span className="font-mono text-xs">
          {object.namespace}/{object.name}
        </span>
      </div>
      {object.changes.length > 0 && (
        <table className="w-full border-t border-line text-xs">
          <caption className="sr-only">
            Changes to the {object.kind} {object.name}
          </caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Field</th>
              <th scope="col">On the cluster</th>
              <th scope="col">After the apply</th>
            </tr>
          </thead>
          <tbody>
            {object.changes.flatMap(fieldRows).map((change) => (
              <tr key={change.path} className="border-b border-line align-top last:border-b-0">
                <th scope="row" className="w-2/5 px-3 py-1 text-left font-mono font-normal text-fg-muted [overflow-wrap:anywhere]">
                  {change.path}
                </th>
                <td className="px-1 py-1 font-mono [overflow-wrap:anywhere]">
                  {change.before === undefined ? <span className="sr-only">absent</span> : <del className="text-fail decoration-fail/50">{describeValue(change.before)}</del>}
                </td>
                <td className="px-3 py-1 font-mono [overflow-wrap:anywhere]">
                  {change.after === undefined ? (
                    <span className="text-fg-muted">removed</span>
                  ) : (
                    <>
                      {change.before !== undefined && (
                        <span aria-hidden="true" className="text-fg-subtle">
                          →{" "}
                        </span>
                      )}
                      <ins className="text-ok no-underline">{describeValue(change.after)}</ins>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
