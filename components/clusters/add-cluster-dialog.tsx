"use client";

import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useAddCluster } from "@/lib/queries/use-add-cluster";
import { ApiErrorNotice } from "./api-error-notice";
import { kubeconfigContexts, parseLabels } from "./kubeconfig-contexts";
import { KubeconfigField } from "./kubeconfig-field";

// Which field an API error code is about, so the message can sit under it.
const fieldOf: Record<string, "kubeconfig" | "context" | "name"> = {
  kubeconfig_invalid: "kubeconfig",
  exec_auth_unsupported: "kubeconfig",
  context_not_found: "context",
  conflict: "name",
};

// The API's rule for cluster names (a DNS label), checked here so the mistake shows while typing.
const CLUSTER_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Context names are often "arn:aws:eks:…/prod" or "kind-Dev"; make a usable default from them. */
function suggestedName(context: string): string {
  return context
    .toLowerCase()
    .split(/[/:]/)
    .pop()!
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
}

export function AddClusterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const addCluster = useAddCluster();
  const toast = useToast();
  const [name, setName] = useState("");
  const [kubeconfig, setKubeconfig] = useState("");
  const [chosenContext, setChosenContext] = useState<string>();
  const [labelText, setLabelText] = useState("");

  const parsed = useMemo(() => kubeconfigContexts(kubeconfig), [kubeconfig]);
  const context = chosenContext && parsed.contexts.includes(chosenContext) ? chosenContext : (parsed.current ?? parsed.contexts[0] ?? "");
  const labels = parseLabels(labelText);
  const effectiveName = name.trim() || suggestedName(context);
  const nameProblem = effectiveName && !CLUSTER_NAME.test(effectiveName) ? "Use lowercase letters, digits and dashes (at most 63)" : undefined;
  const error = addCluster.error;
  const errorField = error ? fieldOf[error.code] : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    addCluster.mutate(
      { name: effectiveName, kubeconfig, context: context || undefined, labels: labels.labels },
      {
        onSuccess: (cluster) => {
          toast({ tone: "ok", title: `Added ${cluster.name}`, description: "Its Flux objects appear as Syncline reads them." });
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
      title="Add cluster"
      description="Syncline connects with this kubeconfig, checks that Flux is installed and that it may list, watch and patch Flux objects."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="add-cluster-form" variant="primary" busy={addCluster.isPending} disabled={!kubeconfig.trim() || !effectiveName || !!nameProblem || !!labels.problem}>
            {addCluster.isPending ? "Connecting…" : "Add cluster"}
          </Button>
        </>
      }
    >
      <form id="add-cluster-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field
          label="Kubeconfig"
          htmlFor="cluster-kubeconfig"
          error={errorField === "kubeconfig" ? error?.message : (parsed.problem ?? undefined)}
          hint="Paste it, or upload the file. Its secrets are masked here; Syncline stores it encrypted and never shows it again."
        >
          <KubeconfigField
            id="cluster-kubeconfig"
            autoFocus
            value={kubeconfig}
            onChange={setKubeconfig}
            invalid={errorField === "kubeconfig" || !!parsed.problem}
            describedBy={errorField === "kubeconfig" || parsed.problem ? "cluster-kubeconfig-error" : "cluster-kubeconfig-hint"}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Context" htmlFor="cluster-context" error={errorField === "context" ? error?.message : undefined} hint={parsed.contexts.length ? `${parsed.contexts.length} in this kubeconfig` : "Paste a kubeconfig to choose"}>
            <Select
              id="cluster-context"
              value={context}
              disabled={parsed.contexts.length === 0}
              onChange={(event) => setChosenContext(event.target.value)}
              aria-invalid={errorField === "context"}
            >
              {parsed.contexts.length === 0 && <option value="">—</option>}
              {parsed.contexts.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Name" htmlFor="cluster-name" error={errorField === "name" ? error?.message : nameProblem} hint="How the fleet shows it; defaults to the context">
            <TextInput
              id="cluster-name"
              value={name}
              placeholder={suggestedName(context) || "staging-eu"}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={errorField === "name" || !!nameProblem}
            />
          </Field>
        </div>
        <Field label="Labels" htmlFor="cluster-labels" error={labels.problem ?? undefined} hint="key=value pairs, separated by commas; the fleet filters by them">
          <TextInput
            id="cluster-labels"
            value={labelText}
            placeholder="env=staging, region=eu-west-1"
            spellCheck={false}
            onChange={(event) => setLabelText(event.target.value)}
            aria-invalid={!!labels.problem}
          />
        </Field>
        {error && !errorField && <ApiErrorNotice error={error} title="The cluster was not added" />}
      </form>
    </Dialog>
  );
}
