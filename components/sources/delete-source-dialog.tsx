"use client";

import { useRouter } from "next/navigation";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { WarningNotice } from "@/components/ui/warning-notice";
import { useDeleteSource } from "@/lib/queries/use-delete-source";
import type { SourceDto } from "@/lib/schemas/sources";

/** Names every cluster the objects leave, and says what prune does to the workloads there, before anything is removed. */
export function DeleteSourceDialog({ source, open, onClose }: { source: SourceDto; open: boolean; onClose: () => void }) {
  const remove = useDeleteSource(source.id);
  const router = useRouter();
  const toast = useToast();
  const { name } = source.definition;
  const clusters = source.rollout.map((cluster) => cluster.clusterName).sort();

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: (deleted) => {
        toast({ tone: "ok", title: deleted.deleting ? `Removing ${name}; clusters that are down are cleaned when they return` : `Deleted ${name}` });
        onClose();
        router.push("/sources");
      },
    });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete ${name}?`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={confirm} busy={remove.isPending}>
            Delete source
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3 text-[13px]">
        {clusters.length === 0 ? (
          <p>No cluster has it; only the definition is deleted.</p>
        ) : (
          <>
            <p>
              The GitRepository and Kustomization {name} (and their Secret) are removed from {clusters.length === 1 ? "this cluster" : `these ${clusters.length} clusters`}:
            </p>
            <ul className="list-disc pl-5" aria-label="Clusters it is removed from">
              {clusters.map((cluster) => (
                <li key={cluster} className="font-medium">
                  {cluster}
                </li>
              ))}
            </ul>
            {source.definition.prune ? (
              <WarningNotice title="Prune is on: Flux deletes every workload this source applied on these clusters." detail="Turn prune off and apply first to leave the workloads running." />
            ) : (
              <p className="text-fg-muted">Prune is off: the workloads it applied keep running, no longer managed by Flux.</p>
            )}
          </>
        )}
        {remove.error && <ApiErrorNotice error={remove.error} title="The source was not deleted" />}
      </div>
    </Dialog>
  );
}
