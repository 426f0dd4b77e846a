"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useUpdateGitCredential } from "@/lib/queries/use-update-git-credential";
import type { GitCredentialDto, UpdateGitCredentialInput } from "@/lib/schemas/git-credentials";
import { CredentialFields, issuesByField, type FieldValues } from "./credential-fields";
import { kindFields, kindLabels } from "./credential-kinds";

/** The settings a credential shows (never its secret or CA), as the form starts them. */
function settingsOf(credential: GitCredentialDto): FieldValues {
  return {
    username: credential.username ?? "",
    knownHosts: credential.knownHosts ?? "",
    githubBaseUrl: credential.githubBaseUrl ?? "",
    appId: credential.appId ?? "",
    installationId: credential.installationId ?? "",
  };
}

/** Renames or re-scopes a credential, or changes its other settings; the secret stays as it is. */
export function EditGitCredentialDialog({ credential, onClose }: { credential: GitCredentialDto | null; onClose: () => void }) {
  return credential && <EditForm key={credential.id} credential={credential} onClose={onClose} />;
}

function EditForm({ credential, onClose }: { credential: GitCredentialDto; onClose: () => void }) {
  const update = useUpdateGitCredential(credential.id);
  const toast = useToast();
  const [name, setName] = useState(credential.name);
  const [urlPattern, setUrlPattern] = useState(credential.urlPattern);
  const initial = settingsOf(credential);
  const [values, setValues] = useState<FieldValues>(initial);
  const fields = kindFields[credential.kind].filter((spec) => !spec.secret && spec.key !== "caCert");
  const errors = issuesByField(update.error);
  const shown = new Set(["name", "urlPattern", ...fields.map((spec) => spec.key)]);
  const unshownIssue = !!update.error && (Object.keys(errors).length === 0 || Object.keys(errors).some((path) => !shown.has(path)));

  const changes: UpdateGitCredentialInput = {};
  if (name.trim() !== credential.name) changes.name = name.trim();
  if (urlPattern.trim() !== credential.urlPattern) changes.urlPattern = urlPattern.trim();
  for (const spec of fields) {
    const value = (values[spec.key] ?? "").trim();
    if (value === (initial[spec.key] ?? "")) continue;
    if (spec.key === "githubBaseUrl") changes.githubBaseUrl = value || null;
    else if (value) changes[spec.key] = value;
  }
  const changed = Object.keys(changes).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(changes, {
      onSuccess: (saved) => {
        toast({ tone: "ok", title: `Saved the Git credential ${saved.name}` });
        onClose();
      },
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={`Edit ${credential.name}`}
      description={`${kindLabels[credential.kind]}. Its secret is kept; rotate it to replace it.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="edit-git-credential-form" variant="primary" busy={update.isPending} disabled={!changed || !name.trim() || !urlPattern.trim()}>
            Save
          </Button>
        </>
      }
    >
      <form id="edit-git-credential-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label="Name" htmlFor="edit-git-credential-name" error={errors.name}>
            <TextInput
              id="edit-git-credential-name"
              autoComplete="off"
              maxLength={64}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={!!errors.name}
              aria-describedby={errors.name ? "edit-git-credential-name-error" : undefined}
            />
          </Field>
          <Field label="For repositories at" htmlFor="edit-git-credential-url-pattern" error={errors.urlPattern} hint="A host, or a URL prefix; the longest match wins">
            <TextInput
              id="edit-git-credential-url-pattern"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={urlPattern}
              onChange={(event) => setUrlPattern(event.target.value)}
              aria-invalid={!!errors.urlPattern}
              aria-describedby={errors.urlPattern ? "edit-git-credential-url-pattern-error" : "edit-git-credential-url-pattern-hint"}
            />
          </Field>
        </div>
        <CredentialFields idPrefix="edit-git-credential" fields={fields} values={values} errors={errors} onChange={(key, value) => setValues((all) => ({ ...all, [key]: value }))} />
        {update.error && unshownIssue && <ApiErrorNotice error={update.error} title="The credential was not saved" />}
      </form>
    </Dialog>
  );
}
