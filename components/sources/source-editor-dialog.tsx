"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useSaveSource } from "@/lib/queries/use-save-source";
import type { SourceDto } from "@/lib/schemas/sources";
import { SourceFormCredentials } from "./source-form-credentials";
import type { SourceFormPartProps } from "./source-form-props";
import { SourceFormReconcile } from "./source-form-reconcile";
import { SourceFormRepository } from "./source-form-repository";
import { SourceFormSubstitute } from "./source-form-substitute";
import { SourceFormTargets } from "./source-form-targets";
import { EMPTY_FORM, formValuesOf, issuesByFormField, newSourceInputOf, updateSourceInputOf, type SourceFormValues } from "./source-form-values";

interface SourceEditorDialogProps {
  open: boolean;
  /** The source to edit; null defines a new one. */
  source: SourceDto | null;
  onClose: () => void;
  /** The definition is stored; nothing reached a cluster yet: the caller shows the preview next. */
  onSaved: (source: SourceDto) => void;
}

/** Defines or edits a source. Saving stores the definition only; the preview and the user's confirmation apply it. */
export function SourceEditorDialog({ open, source, onClose, onSaved }: SourceEditorDialogProps) {
  const save = useSaveSource(source?.id ?? null);
  const [values, setValues] = useState<SourceFormValues>(() => (source ? formValuesOf(source) : EMPTY_FORM));
  const set: SourceFormPartProps["set"] = (key, value) => setValues((previous) => ({ ...previous, [key]: value }));
  const { fields, unplaced } = issuesByFormField(save.error?.status === 422 ? save.error.details : undefined);
  const errors = save.error?.status === 409 && !source ? { ...fields, name: save.error.message } : fields;
  const placedEverything = save.error && Object.keys(errors).length > 0 && unplaced.length === 0;
  const parts: SourceFormPartProps = { values, set, errors, editing: source !== null };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(source ? updateSourceInputOf(values) : newSourceInputOf(values), { onSuccess: onSaved });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={source ? `Edit ${source.definition.name}` : "New source"}
      description="Saving stores the definition. Nothing reaches a cluster until you have seen the preview and confirmed it."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="source-form" variant="primary" busy={save.isPending}>
            Save and preview
          </Button>
        </>
      }
    >
      <form id="source-form" onSubmit={submit} className="flex flex-col gap-6" noValidate>
        <SourceFormRepository {...parts} />
        <SourceFormTargets {...parts} />
        <SourceFormCredentials {...parts} current={source?.credential ?? null} />
        <SourceFormReconcile {...parts} />
        <SourceFormSubstitute {...parts} />
        {save.error && !placedEverything && <ApiErrorNotice error={save.error} title="The source was not saved" />}
        {placedEverything && (
          <p role="alert" className="text-[13px] text-fail">
            The source was not saved: {Object.keys(errors).length === 1 ? "one field needs" : "some fields need"} a change (marked above).
          </p>
        )}
      </form>
    </Dialog>
  );
}
