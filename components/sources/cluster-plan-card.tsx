import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { WarningNotice } from "@/components/ui/warning-notice";
import type { ClusterPlanAction, ClusterPlanDto } from "@/lib/schemas/sources";
import { PlannedObjectChanges } from "./planned-object-changes";

const actionLooks: Record<ClusterPlanAction, { label: string; tone: Tone }> = {
  create: { label: "Create", tone: "ok" },
  update: { label: "Update", tone: "info" },
  remove: { label: "Remove", tone: "fail" },
  unchanged: { label: "Unchanged", tone: "neutral" },
  invalid: { label: "Not a valid target", tone: "warn" },
};

/** What the apply does on one cluster: the rendered values, the object diffs, and why it is skipped or what removing it costs. */
export function ClusterPlanCard({ plan }: { plan: ClusterPlanDto }) {
  const look = actionLooks[plan.action];
  const substitute = Object.entries(plan.rendered?.substitute ?? {});
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-3" aria-label={`${plan.clusterName}: ${look.label}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/clusters/${plan.clusterId}`} className="text-[13px] font-semibold hover:underline">
          {plan.clusterName}
        </Link>
        <Badge tone={look.tone}>{look.label}</Badge>
        {!plan.reachable && <Badge tone="warn">Unreachable: applied when it returns</Badge>}
      </div>
      {plan.action === "invalid" && (
        <p className="text-[13px] text-fg-muted">
          {plan.reason}
          {plan.missingLabels.length > 0 && (
            <>
              {" "}
              Missing label{plan.missingLabels.length === 1 ? "" : "s"}:{" "}
              {plan.missingLabels.map((label) => (
                <code key={label} className="mr-1 rounded bg-warn-soft px-1 font-mono text-xs text-fg">
                  {label}
                </code>
              ))}
            </>
          )}
        </p>
      )}
      {plan.collisions.length > 0 && (
        <ul className="text-[13px] text-fg-muted">
          {plan.collisions.map((collision) => (
            <li key={`${collision.kind}/${collision.namespace}/${collision.name}`}>
              {collision.kind} <span className="font-mono">{`${collision.namespace}/${collision.name}`}</span> exists and is not Syncline&apos;s
              {collision.owner ? ` (managed by ${collision.owner})` : ""}
            </li>
          ))}
        </ul>
      )}
      {plan.action === "remove" && plan.reason && <p className="text-[13px] text-fg-muted">{plan.reason}</p>}
      {plan.pruneWarning && <WarningNotice title={plan.pruneWarning} detail={null} />}
      {plan.rendered && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
          <div className="contents">
            <dt className="text-fg-subtle">Path</dt>
            <dd className="font-mono [overflow-wrap:anywhere]">{plan.rendered.path}</dd>
          </div>
          {substitute.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-mono text-fg-subtle">{key}</dt>
              <dd className="font-mono [overflow-wrap:anywhere]">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {plan.objects.some((object) => object.action !== "unchanged") && (
        <ul className="flex flex-col gap-1.5">
          {plan.objects
            .filter((object) => object.action !== "unchanged")
            .map((object) => (
              <PlannedObjectChanges key={`${object.kind}/${object.namespace}/${object.name}`} object={object} />
            ))}
        </ul>
      )}
    </li>
  );
}
