import { LabelChip } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CheckIcon, CloseIcon } from "@/components/ui/icons";
import { Fact } from "@/components/ui/fact";
import type { ClusterDetail } from "@/lib/fleet/dto";

/** What Syncline knows about the cluster's API server, Flux install and its own access. */
export function ClusterFacts({ cluster }: { cluster: ClusterDetail }) {
  const { capabilities } = cluster;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-line bg-panel px-4 py-3 sm:grid-cols-3 xl:grid-cols-[auto_auto_2fr_auto_2fr]">
      <Fact label="Kubernetes">
        <span className="font-mono text-xs">{capabilities.kubernetesVersion ?? "—"}</span>
      </Fact>
      <Fact label="Access">
        <span className="flex gap-2 text-xs">
          {(["list", "watch", "patch"] as const).map((verb) => (
            <span key={verb} className={cn("inline-flex items-center gap-0.5", capabilities.permissions[verb] ? "text-fg-muted" : "text-fail")}>
              {capabilities.permissions[verb] ? <CheckIcon className="size-3 text-ok" /> : <CloseIcon className="size-3" />}
              {verb}
              <span className="sr-only">{capabilities.permissions[verb] ? "allowed" : "not allowed"}</span>
            </span>
          ))}
          <span className="text-fg-subtle">· {capabilities.authMethod}</span>
        </span>
      </Fact>
      <Fact label="Flux controllers">
        {capabilities.controllers.length ? (
          <span className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
            {capabilities.controllers.map((controller) => (
              <span key={controller.name} className="whitespace-nowrap">
                <span className="text-fg-muted">{controller.name}</span>
                {controller.version && <span className="font-mono text-fg-subtle"> {controller.version}</span>}
              </span>
            ))}
          </span>
        ) : (
          <span className="text-fg-subtle">none found</span>
        )}
      </Fact>
      <Fact label="Context">
        <span className="font-mono text-xs">{cluster.context}</span>
      </Fact>
      <Fact label="Labels">
        {Object.keys(cluster.labels).length ? (
          <span className="flex flex-wrap gap-1">
            {Object.entries(cluster.labels).map(([name, value]) => (
              <LabelChip key={name} name={name} value={value} />
            ))}
          </span>
        ) : (
          <span className="text-fg-subtle">none</span>
        )}
      </Fact>
    </dl>
  );
}
