import { formatAbsolute } from "@/components/ui/time-ago";
import type { DeploymentDto, SuspensionWindowDto, TimelineCellDto } from "@/lib/schemas/timeline";
import { stateLabel, stateMeaning } from "./describe-cell";
import { DetailLine } from "./details-panel";
import { formatLeadTime } from "./format-lead-time";
import { changeLabel, shortRevision } from "./revision";

const ref = (object: { kind: string; namespace: string; name: string }) => `${object.kind} ${object.namespace}/${object.name}`;

export function SuspensionLines({ suspension }: { suspension: SuspensionWindowDto }) {
  return (
    <>
      <DetailLine label="Paused by">{suspension.actor}</DetailLine>
      <DetailLine label="Why">{suspension.reason ?? "No reason given"}</DetailLine>
      <DetailLine label="Since">{formatAbsolute(suspension.from)}</DetailLine>
      {suspension.to ? (
        <DetailLine label="Resumed">{formatAbsolute(suspension.to)}</DetailLine>
      ) : (
        <DetailLine label="Until">{suspension.until ? formatAbsolute(suspension.until) : "resumed by hand"}</DetailLine>
      )}
      <DetailLine label="Scope">{suspension.object ? ref(suspension.object) : "the whole cluster"}</DetailLine>
    </>
  );
}

/** Where one commit stands on one cluster, in full. */
export function CellDetails({ title, cell, suspension }: { title: string; cell: TimelineCellDto; suspension: SuspensionWindowDto | null }) {
  const held = cell.heldBy ?? (cell.state === "held" ? suspension : null);
  return (
    <div className="flex flex-col gap-2">
      <p className="font-semibold">
        {stateLabel[cell.state]} · {title}
      </p>
      <p className="text-fg-muted">{stateMeaning[cell.state]}</p>
      <dl className="flex flex-col gap-1 text-xs">
        {cell.fetchedAt && <DetailLine label="Fetched">{formatAbsolute(cell.fetchedAt)}</DetailLine>}
        {cell.appliedAt && <DetailLine label={cell.state === "failed" ? "Failed" : "Applied"}>{formatAbsolute(cell.appliedAt)}</DetailLine>}
        {cell.leadTimeSeconds !== null && <DetailLine label="Lead time">{formatLeadTime(cell.leadTimeSeconds)} from commit to apply</DetailLine>}
        {cell.reconciler && <DetailLine label="Reconciler">{ref(cell.reconciler)}</DetailLine>}
        {cell.message && cell.state === "failed" && <DetailLine label="Message">{cell.message}</DetailLine>}
        {held && <SuspensionLines suspension={held} />}
        {!held && suspension && <DetailLine label="Paused">{`by ${suspension.actor} at the time${suspension.reason ? `: ${suspension.reason}` : ""}`}</DetailLine>}
      </dl>
    </div>
  );
}

/** A rollback or force-push on one cluster. */
export function RewriteDetails({ deployment }: { deployment: DeploymentDto }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="font-semibold">
        {changeLabel[deployment.change]} on {deployment.cluster.name}
      </p>
      <dl className="flex flex-col gap-1 text-xs">
        <DetailLine label="Applied">{formatAbsolute(deployment.appliedAt)}</DetailLine>
        <DetailLine label="Revision">{shortRevision(deployment.revision)}</DetailLine>
        {deployment.previousRevision && <DetailLine label="Was">{shortRevision(deployment.previousRevision)}</DetailLine>}
        <DetailLine label="Reconciler">{ref(deployment.reconciler)}</DetailLine>
        {deployment.trigger && <DetailLine label="Triggered">{`by ${deployment.trigger.user} (${deployment.trigger.action})`}</DetailLine>}
      </dl>
    </div>
  );
}
