"use client";

import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { useUpdateCluster } from "@/lib/queries/use-update-cluster";
import { ApiErrorNotice } from "./api-error-notice";
import { formatLabels, kubeconfigContexts, kubeconfigServer, parseLabels } from "./kubeconfig-contexts";
import { KubeconfigField } from "./kubeconfig-field";

const sameServer = (a: string, b: string) => a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();

/**
 * Renames and relabels a cluster, and replaces its kubeconfig to rotate credentials: the new one
 * is checked exactly as on registration before anything changes. One for another API server is
 * refused unless the user says the cluster moved.
 */
export function EditClusterDialog({ cluster, open, onClose }: { cluster: ClusterSummary; open: boolean; onClose: () => void }) {
  const update = useUpdateCluster(cluster.id);
  const toast = useToast();
  const [name, setName] = useState(cluster.name);
  const [labelText, setLabelText] = useState(formatLabels(cluster.labels));
  const [kubeconfig, setKubeconfig] = useState("");
  const [chosenContext, setChosenContext] = useState<string>();
  const [moved, setMoved] = useState(false);
  const labels = parseLabels(labelText);
  const parsed = useMemo(() => kubeconfigContexts(kubeconfig), [kubeconfig]);
  const context = chosenContext && parsed.contexts.includes(chosenContext) ? chosenContext : (parsed.current ?? parsed.contexts[0] ?? "");
  const newServer = context ? kubeconfigServer(kubeconfig, context) : null;
  const serverChanges = newServer !== null && !sameServer(newServer, cluster.server);
  const error = update.error;
  const kubeconfigError = error && (error.code === "kubeconfig_invalid" || error.code === "exec_auth_unsupported") ? error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const replacing = kubeconfig.trim() !== "";
    update.mutate(
      { name: name.trim(), labels: labels.labels, ...(replacing && { kubeconfig, context: context || undefined, allowServerChange: moved }) },
      {
        onSuccess: (updated) => {
          toast({ tone: "ok", title: `Saved ${updated.name}`, description: replacing ? "The new kubeconfig passed every check; Syncline reconnects with it." : undefined });
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title="Edit cluster"
      description="The audit trail keeps the old name and labels, and notes a replaced kubeconfig without its contents."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            form="edit-cluster-form"
            variant="primary"
            busy={update.isPending}
            disabled={!name.trim() || !!labels.problem || !!parsed.problem || (serverChanges && !moved)}
          >
            {update.isPending && kubeconfig.trim() ? "Checking…" : "Save"}
          </Button>
        </>
      }
    >
      <form id="edit-cluster-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="Name" htmlFor="edit-cluster-name" error={error?.code === "conflict" ? error.message : undefined}>
          <TextInput id="edit-cluster-name" value={name} onChange={(event) => setName(event.target.value)} autoFocus />
        </Field>
        <Field label="Labels" htmlFor="edit-cluster-labels" error={labels.problem ?? undefined} hint="key=value pairs, separated by commas">
          <TextInput id="edit-cluster-labels" value={labelText} spellCheck={false} onChange={(event) => setLabelText(event.target.value)} aria-invalid={!!labels.problem} />
        </Field>
        <Field
          label="New kubeconfig (optional)"
          htmlFor="edit-cluster-kubeconfig"
          error={kubeconfigError ?? parsed.problem ?? undefined}
          hint="To rotate credentials. Syncline checks it as on registration, and keeps the current one if any check fails."
        >
          <KubeconfigField
            id="edit-cluster-kubeconfig"
            value={kubeconfig}
            onChange={setKubeconfig}
            invalid={!!kubeconfigError || !!parsed.problem}
            describedBy={kubeconfigError || parsed.problem ? "edit-cluster-kubeconfig-error" : "edit-cluster-kubeconfig-hint"}
          />
        </Field>
        {parsed.contexts.length > 1 && (
          <Field label="Context" htmlFor="edit-cluster-context">
            <Select id="edit-cluster-context" value={context} onChange={(event) => setChosenContext(event.target.value)}>
              {parsed.contexts.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {serverChanges && (
          <div className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2.5 text-[13px]">
            <p>
              This kubeconfig is for <span className="font-mono text-xs break-all">{newServer}</span>, not{" "}
              <span className="font-mono text-xs break-all">{cluster.server}</span>.
            </p>
            <label className="mt-2 flex items-center gap-2">
              <input type="checkbox" checked={moved} onChange={(event) => setMoved(event.target.checked)} className="size-4 accent-[var(--accent)]" />
              This is a different API server: the cluster moved
            </label>
          </div>
        )}
        {error && !kubeconfigError && error.code !== "conflict" && <ApiErrorNotice error={error} title="Nothing was changed" />}
      </form>
    </Dialog>
  );
}
