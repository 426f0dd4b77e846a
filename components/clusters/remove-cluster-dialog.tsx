"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { useRemoveCluster } from "@/lib/queries/use-remove-cluster";
import { ApiErrorNotice } from "./api-error-notice";

/** Removing asks for the cluster's name to be typed, as removing the wrong cluster is easy to do. */
export function RemoveClusterDialog({ cluster, open, onClose }: { cluster: ClusterSummary; open: boolean; onClose: () => void }) {
  const remove = useRemoveCluster(cluster.id);
  const router = useRouter();
  const toast = useToast();
  const [typed, setTyped] = useState("");

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast({ tone: "ok", title: `Removed ${cluster.name}`, description: "Its Flux objects were left as they were." });
        router.push("/clusters");
      },
    });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="sm"
      title={`Remove ${cluster.name}?`}
      description="Syncline stops watching this cluster and forgets its kubeconfig. Flux on the cluster is not touched, and objects stay as they are, suspended ones included."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={confirm} busy={remove.isPending} disabled={typed !== cluster.name}>
            Remove cluster
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <Field label={<>Type <span className="font-mono text-fg">{cluster.name}</span> to confirm</>} htmlFor="remove-cluster-confirm">
          <TextInput id="remove-cluster-confirm" autoFocus autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
        </Field>
        {remove.error && <ApiErrorNotice error={remove.error} title="The cluster was not removed" />}
      </div>
    </Dialog>
  );
}
