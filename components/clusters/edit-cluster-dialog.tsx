"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { useUpdateCluster } from "@/lib/queries/use-update-cluster";
import { ApiErrorNotice } from "./api-error-notice";
import { formatLabels, parseLabels } from "./kubeconfig-contexts";

export function EditClusterDialog({ cluster, open, onClose }: { cluster: ClusterSummary; open: boolean; onClose: () => void }) {
  const update = useUpdateCluster(cluster.id);
  const toast = useToast();
  const [name, setName] = useState(cluster.name);
  const [labelText, setLabelText] = useState(formatLabels(cluster.labels));
  const labels = parseLabels(labelText);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: name.trim(), labels: labels.labels },
      {
        onSuccess: (updated) => {
          toast({ tone: "ok", title: `Saved ${updated.name}` });
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Rename and relabel"
      description="The audit trail keeps the old name and labels."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="edit-cluster-form" variant="primary" busy={update.isPending} disabled={!name.trim() || !!labels.problem}>
            Save
          </Button>
        </>
      }
    >
      <form id="edit-cluster-form" onSubmit={submit} className="flex flex-col gap-4">
        <Field label="Name" htmlFor="edit-cluster-name">
          <TextInput id="edit-cluster-name" value={name} onChange={(event) => setName(event.target.value)} autoFocus />
        </Field>
        <Field label="Labels" htmlFor="edit-cluster-labels" error={labels.problem ?? undefined} hint="key=value pairs, separated by commas">
          <TextInput id="edit-cluster-labels" value={labelText} spellCheck={false} onChange={(event) => setLabelText(event.target.value)} aria-invalid={!!labels.problem} />
        </Field>
        {update.error && <ApiErrorNotice error={update.error} title="Nothing was changed" />}
      </form>
    </Dialog>
  );
}
