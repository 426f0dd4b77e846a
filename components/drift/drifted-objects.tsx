import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import type { ClusterDrift, DriftedObject, ReconcilerDrift } from "@/lib/schemas/drift";
import { DriftedObjectCard } from "./drifted-object-card";
import { describeMode } from "./drift-mode";
import { reconcilerKey } from "./filter-drifted-objects";

// Few enough to read at once: open them; more, and the list of names comes first.
const OPEN_AT_MOST = 3;

function ReconcilerHeading({ reconciler, shown }: { reconciler: ReconcilerDrift; shown: number }) {
  const { kind, namespace, name } = reconciler.reconciler;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line bg-panel px-4 py-2">
      <h3 className="text-[13px] font-semibold">
        <span className="font-normal text-fg-muted">{kind} </span>
        {namespace}/{name}
      </h3>
      <span className="text-xs text-fg-muted">
        {reconciler.error ? "drift unknown" : `${reconciler.drifted} of ${reconciler.total} drifted`}
        {shown !== reconciler.drifted && !reconciler.error && ` · ${shown} shown`}
      </span>
      <span className="text-xs text-fg-subtle">{describeMode(reconciler.mode).short}</span>
      {reconciler.helmDrifted && (
        <Badge tone={reconciler.helmDrifted.agrees ? "neutral" : "warn"}>
          helm-controller Drifted={reconciler.helmDrifted.status}, {reconciler.helmDrifted.agrees ? "Syncline agrees" : "Syncline disagrees"}
        </Badge>
      )}
      {reconciler.error && <p className="w-full text-xs break-words text-fail">{reconciler.error}</p>}
    </div>
  );
}

/** The drifted objects, grouped under the Kustomization or HelmRelease whose inventory holds them. */
export function DriftedObjects({ clusterId, drift, objects }: { clusterId: string; drift: ClusterDrift; objects: DriftedObject[] }) {
  const groups = drift.reconcilers
    .map((reconciler) => ({ reconciler, objects: objects.filter((object) => reconcilerKey(object.reconciler) === reconcilerKey(reconciler.reconciler)) }))
    .filter((group) => group.objects.length > 0 || group.reconciler.error);
  return (
    <Section title="Drifted objects" aside={<span className="text-xs text-fg-subtle">{objects.length} shown</span>}>
      {groups.length === 0 ? (
        <p className="px-4 py-3 text-[13px] text-fg-muted">No drifted object matches these filters.</p>
      ) : (
        groups.map((group) => (
          <div key={reconcilerKey(group.reconciler.reconciler)} className="border-b border-line last:border-b-0">
            <ReconcilerHeading reconciler={group.reconciler} shown={group.objects.length} />
            <ul aria-label={`Drifted objects of ${group.reconciler.reconciler.kind} ${group.reconciler.reconciler.namespace}/${group.reconciler.reconciler.name}`}>
              {group.objects.map((object) => (
                <DriftedObjectCard
                  key={`${object.kind}/${object.namespace}/${object.name}`}
                  clusterId={clusterId}
                  object={object}
                  defaultOpen={objects.length <= OPEN_AT_MOST}
                  mode={group.reconciler.mode}
                />
              ))}
            </ul>
          </div>
        ))
      )}
    </Section>
  );
}
