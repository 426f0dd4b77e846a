"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useUpdateGitCredential } from "@/lib/queries/use-update-git-credential";
import type { GitCredentialDto } from "@/lib/schemas/git-credentials";
import { CredentialFields, enteredValues, issuesByField, type FieldValues } from "./credential-fields";
import { kindFields, showsFingerprint } from "./credential-kinds";

/** Replaces only the secret: the id, name, scope and settings stay, so nothing that uses it changes. */
export function RotateGitCredentialDialog({ credential, onClose }: { credential: GitCredentialDto | null; onClose: () => void }) {
  return credential && <RotateForm key={credential.id} credential={credential} onClose={onClose} />;
}

function RotateForm({ credential, onClose }: { credential: GitCredentialDto; onClose: () => void }) {
  const rotate = useUpdateGitCredential(credential.id);
  const toast = useToast();
  const [values, setValues] = useState<FieldValues>({});
  const fields = kindFields[credential.kind].filter((spec) => spec.secret);
  const entered = enteredValues(fields, values);
  const complete = fields.every((spec) => spec.optional || entered[spec.key]);
  const errors = issuesByField(rotate.error);
  const unshownIssue = !!rotate.error && !fields.some((spec) => errors[spec.key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    rotate.mutate(entered, {
      onSuccess: (saved) => {
        toast({ tone: "ok", title: `Rotated the secret of ${saved.name}`, description: showsFingerprint(saved) ? `Now ${saved.fingerprint}.` : undefined });
        onClose();
      },
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Rotate the secret of ${credential.name}`}
      description="The new secret replaces the stored one at once. The old one is not kept."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="rotate-git-credential-form" variant="primary" busy={rotate.isPending} disabled={!complete}>
            Rotate secret
          </Button>
        </>
      }
    >
      <form id="rotate-git-credential-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {showsFingerprint(credential) && (
          <p className="text-[13px] text-fg-muted">
            Now: <span className="font-mono text-xs [overflow-wrap:anywhere]">{credential.fingerprint}</span>
          </p>
        )}
        <CredentialFields idPrefix="rotate-git-credential" fields={fields} values={values} errors={errors} onChange={(key, value) => setValues((all) => ({ ...all, [key]: value }))} />
        {rotate.error && unshownIssue && <ApiErrorNotice error={rotate.error} title="The secret was not rotated" />}
      </form>
    </Dialog>
  );
}
