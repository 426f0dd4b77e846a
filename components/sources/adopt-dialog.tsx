"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useAdoptSources } from "@/lib/queries/use-adopt-sources";
import { useGitCredentials } from "@/lib/queries/use-git-credentials";
import { GitCredentialOptions } from "./git-credential-options";
import type { ExistingFluxSourceGroupDto } from "@/lib/schemas/sources";
import { describeOutcomes } from "./describe-outcomes";
import { issuesByFormField } from "./source-form-values";

/** Shows which objects on which clusters become one Syncline source (none is recreated), and adopts them once confirmed. */
export function AdoptDialog({ group, onClose }: { group: ExistingFluxSourceGroupDto; onClose: () => void }) {
  const adopt = useAdoptSources();
  const router = useRouter();
  const toast = useToast();
  const names = [...new Set(group.objects.map((object) => object.name))];
  const [name, setName] = useState(names.length === 1 ? names[0]! : "");
  const [credentialId, setCredentialId] = useState("");
  const issues = adopt.error?.status === 422 ? issuesByFormField(adopt.error.details) : null;
  const nameError = issues?.fields.name;
  const credentialError = issues?.unplaced.find((issue) => issue.path === "credentialId")?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    adopt.mutate(
      { url: group.url, ...(name.trim() ? { name: name.trim() } : {}), ...(group.needsCredential && credentialId ? { credentialId } : {}) },
      {
        onSuccess: (result) => {
          toast({ tone: "ok", title: `Adopted ${result.source.definition.name}: ${describeOutcomes(result.outcomes)}` });
          onClose();
          router.push(`/sources/${result.source.id}`);
        },
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title="Adopt as a Syncline source"
      description="Syncline takes over these objects where they are: nothing is deleted or recreated, and Flux keeps reconciling."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="adopt-form" variant="primary" busy={adopt.isPending}>
            Adopt {group.objects.length} object{group.objects.length === 1 ? "" : "s"}
          </Button>
        </>
      }
    >
      <form id="adopt-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <p className="font-mono text-xs [overflow-wrap:anywhere]">{group.url}</p>
        <ul className="flex flex-col gap-1.5 text-[13px]" aria-label="Objects adopted">
          {group.objects.map((object) => (
            <li key={`${object.clusterId}/${object.namespace}/${object.name}`} className="rounded-md border border-line px-3 py-2">
              <span className="font-medium">{object.clusterName}</span>: GitRepository <span className="font-mono text-xs">{`${object.namespace}/${object.name}`}</span>
              {object.ref && <span className="text-fg-muted"> ({object.ref})</span>}
              {object.kustomizations.length > 0 && (
                <span className="block text-xs text-fg-muted">
                  Kustomization{object.kustomizations.length === 1 ? "" : "s"}{" "}
                  {object.kustomizations.map((kustomization) => `${kustomization.namespace}/${kustomization.name}${kustomization.path ? ` (${kustomization.path})` : ""}`).join(", ")}
                </span>
              )}
            </li>
          ))}
        </ul>
        <Field label="Source name" htmlFor="adopt-name" error={nameError} hint={names.length === 1 ? "The objects' own name" : "The objects have different names; choose the source's"}>
          <TextInput
            id="adopt-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            aria-invalid={!!nameError}
            aria-describedby={nameError ? "adopt-name-error" : "adopt-name-hint"}
          />
        </Field>
        {group.needsCredential && (
          <AdoptCredentialField
            value={credentialId}
            onChange={(id) => {
              setCredentialId(id);
              // The refusal was about the choice just changed.
              if (credentialError) adopt.reset();
            }}
            error={credentialError}
          />
        )}
        {adopt.error && !nameError && !credentialError && <ApiErrorNotice error={adopt.error} title="Nothing was adopted" />}
      </form>
    </Dialog>
  );
}

/**
 * The objects read their credentials from a Secret on each cluster, which Syncline does not copy:
 * the user names the stored Git credential that holds the same thing, and Syncline keeps its own
 * Secret from it on every cluster. The old Secret is left where it is.
 */
function AdoptCredentialField({ value, onChange, error }: { value: string; onChange: (id: string) => void; error: string | undefined }) {
  const credentials = useGitCredentials();
  const hint = credentials.isError ? "The stored credentials could not be loaded" : "They read a Secret: choose the credential that holds the same key or password. Syncline then keeps its own Secret; the old one stays.";
  return (
    <Field label="Git credential" htmlFor="adopt-credential" error={error} hint={hint}>
      <Select id="adopt-credential" value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={!!error} aria-describedby={error ? "adopt-credential-error" : "adopt-credential-hint"}>
        <GitCredentialOptions credentials={credentials} />
      </Select>
    </Field>
  );
}
