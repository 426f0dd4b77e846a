import { Section } from "@/components/ui/section";
import { formatAbsolute } from "@/components/ui/time-ago";
import type { TimelineDto } from "@/lib/schemas/timeline";

/** The suspension windows drawn as bands on the grid, as text: who paused what, why, and for how long. */
export function SuspensionList({ timeline }: { timeline: Pick<TimelineDto, "clusters" | "suspensions"> }) {
  const names = new Map(timeline.clusters.map((cluster) => [cluster.id, cluster.name]));
  return (
    <Section title="Suspensions in this range">
      <ul className="divide-y divide-line text-[13px]">
        {timeline.suspensions.map((window) => (
          <li key={`${window.clusterId}-${window.from}-${window.object?.name ?? ""}`} className="flex flex-wrap gap-x-3 gap-y-0.5 px-4 py-2">
            <span className="flex items-center gap-2 font-medium">
              <span aria-hidden="true" className="h-4 w-1 rounded-sm bg-warn-bar" />
              {names.get(window.clusterId) ?? window.clusterId}
              {window.object && <span className="font-normal text-fg-muted">{`${window.object.kind} ${window.object.namespace}/${window.object.name}`}</span>}
            </span>
            <span className="text-fg-muted">
              paused by {window.actor} from {formatAbsolute(window.from)} {window.to ? `to ${formatAbsolute(window.to)}` : window.until ? `until ${formatAbsolute(window.until)}` : "(still paused)"}
            </span>
            {window.reason && <span className="w-full text-fg-muted [overflow-wrap:anywhere] md:w-auto">“{window.reason}”</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}
