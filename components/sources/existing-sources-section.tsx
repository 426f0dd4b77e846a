"use client";

import { useState } from "react";
import { useCan } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useExistingFluxSources } from "@/lib/queries/use-existing-flux-sources";
import type { ExistingFluxSourceGroupDto } from "@/lib/schemas/sources";
import { AdoptDialog } from "./adopt-dialog";

/** Flux sources Syncline did not create, read-only, one group per repository URL across clusters; admins can adopt a group. */
export function ExistingSourcesSection() {
  const groups = useExistingFluxSources();
  const canManage = useCan("sources.manage");
  const [adopting, setAdopting] = useState<ExistingFluxSourceGroupDto | null>(null);
  return (
    <section aria-labelledby="existing-flux-sources" className="flex flex-col gap-3">
      <div>
        <h2 id="existing-flux-sources" className="text-[15px] font-semibold">
          Existing Flux sources
        </h2>
        <p className="text-[13px] text-fg-muted">GitRepositories on your clusters that Syncline did not create, grouped by repository. Adopt one to manage it from here.</p>
      </div>
      {groups.isPending ? (
        <TableSkeleton label="Loading the existing Flux sources" rows={2} columns={4} />
      ) : groups.isError ? (
        <ErrorState title="Could not load the existing Flux sources" error={groups.error} onRetry={() => groups.refetch()} retrying={groups.isFetching} />
      ) : groups.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line-strong bg-panel px-4 py-6 text-center text-[13px] text-fg-muted">
          Every GitRepository on your clusters is a Syncline source, or there is none yet.
        </p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Existing Flux sources by repository">
          {groups.data.map((group) => (
            <ExistingGroup key={group.url} group={group} onAdopt={canManage ? () => setAdopting(group) : null} />
          ))}
        </ul>
      )}
      {adopting && <AdoptDialog group={adopting} onClose={() => setAdopting(null)} />}
    </section>
  );
}

function ExistingGroup({ group, onAdopt }: { group: ExistingFluxSourceGroupDto; onAdopt: (() => void) | null }) {
  const clusters = [...new Set(group.objects.map((object) => object.clusterName))].sort();
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-panel px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <p className="font-mono text-xs [overflow-wrap:anywhere]">{group.url}</p>
        <p className="mt-0.5 text-[13px] text-fg-muted">
          {group.objects.length} GitRepositor{group.objects.length === 1 ? "y" : "ies"} on {clusters.join(", ")}
          {group.objects[0]?.ref ? ` · ${group.objects[0].ref}` : ""}
        </p>
        {!group.adoptable && group.reason && <p className="mt-0.5 text-xs text-fg-muted">Cannot be adopted as it is: {group.reason}</p>}
        {group.adoptable && group.needsCredential && <p className="mt-0.5 text-xs text-fg-muted">Reads its credentials from a Secret: adopting asks which stored Git credential holds them.</p>}
      </div>
      {onAdopt && (
        <Button size="sm" onClick={onAdopt} disabled={!group.adoptable} aria-label={`Adopt ${group.url}`}>
          Adopt
        </Button>
      )}
    </li>
  );
}
