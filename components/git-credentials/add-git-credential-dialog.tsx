"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useAddGitCredential } from "@/lib/queries/use-add-git-credential";
import { gitCredentialKinds, type GitCredentialKindName, type NewGitCredentialInput } from "@/lib/schemas/git-credentials";
import { CredentialFields, enteredValues, issuesByField, type FieldValues } from "./credential-fields";
import { kindFields, kindLabels, urlPatternPlaceholder } from "./credential-kinds";

/** Stores a new credential of any kind; its secret goes to the server once and is never shown again. */
export function AddGitCredentialDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const add = useAddGitCredential();
  const toast = useToast();
  const [kind, setKind] = useState<GitCredentialKindName>("https-token");
  const [name, setName] = useState("");
  const [urlPattern, setUrlPattern] = useState("");
  const [values, setValues] = useState<FieldValues>({});
  const fields = kindFields[kind];
  const errors = issuesByField(add.error);
  const shownFields = new Set(["name", "urlPattern", ...fields.map((spec) => spec.key)]);
  // A conflict, or an issue no field shows, is reported below the fields.
  const unshownIssue = !!add.error && (Object.keys(errors).length === 0 || Object.keys(errors).some((path) => !shownFields.has(path)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { kind, name: name.trim(), urlPattern: urlPattern.trim(), ...enteredValues(fields, values) } as NewGitCredentialInput;
    add.mutate(input, {
      onSuccess: (added) => {
        toast({ tone: "ok", title: `Added the Git credential ${added.name}`, description: "Test it against a repository to be sure it works." });
        onClose();
      },
    });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title="Add a Git credential"
      description="Syncline reads commits with it from the repositories it matches. The secret is stored encrypted and never shown again."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="add-git-credential-form" variant="primary" busy={add.isPending} disabled={!name.trim() || !urlPattern.trim()}>
            Add credential
          </Button>
        </>
      }
    >
      <form id="add-git-credential-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="Kind" htmlFor="git-credential-kind">
          <Select id="git-credential-kind" value={kind} onChange={(event) => setKind(event.target.value as GitCredentialKindName)}>
            {gitCredentialKinds.map((option) => (
              <option key={option} value={option}>
                {kindLabels[option]}
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label="Name" htmlFor="git-credential-name" error={errors.name}>
            <TextInput
              id="git-credential-name"
              autoComplete="off"
              maxLength={64}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={!!errors.name}
              aria-describedby={errors.name ? "git-credential-name-error" : undefined}
            />
          </Field>
          <Field label="For repositories at" htmlFor="git-credential-url-pattern" error={errors.urlPattern} hint="A host, or a URL prefix; the longest match wins">
            <TextInput
              id="git-credential-url-pattern"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder={urlPatternPlaceholder[kind]}
              value={urlPattern}
              onChange={(event) => setUrlPattern(event.target.value)}
              aria-invalid={!!errors.urlPattern}
              aria-describedby={errors.urlPattern ? "git-credential-url-pattern-error" : "git-credential-url-pattern-hint"}
            />
          </Field>
        </div>
        <CredentialFields idPrefix="git-credential" fields={fields} values={values} errors={errors} onChange={(key, value) => setValues((all) => ({ ...all, [key]: value }))} />
        {add.error && unshownIssue && <ApiErrorNotice error={add.error} title="The credential was not added" />}
      </form>
    </Dialog>
  );
}
