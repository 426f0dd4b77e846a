"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { AlertIcon } from "@/components/ui/icons";
import { formatAbsolute } from "@/components/ui/time-ago";
import { useCreateApiToken } from "@/lib/queries/use-create-api-token";

const EXPIRY_PRESETS = [
  { days: "7", label: "7 days" },
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "365", label: "1 year" },
  { days: "", label: "Never" },
];

/**
 * Creating asks for a name and an expiry; the answer is the only time the secret exists outside
 * the user's hands, so the dialog shows it once, with a copy button and a warning, and forgets
 * it on close.
 */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [days, setDays] = useState("30");
  const created = create.data;
  const nameError = create.error?.code === "conflict" ? create.error.message : undefined;

  const close = () => {
    create.reset();
    setName("");
    setDays("30");
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), ...(days ? { expiresInDays: Number(days) } : {}) });
  };

  if (created) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title={`Token "${created.name}" created`}
        description={created.expiresAt ? `It expires ${formatAbsolute(created.expiresAt)}.` : "It never expires; revoke it when you no longer need it."}
        footer={
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        }
      >
        <div className="flex flex-col gap-3">
          <div role="alert" className="flex gap-2.5 rounded-md border border-warn/30 bg-warn-soft px-3 py-2.5 text-[13px]">
            <AlertIcon className="mt-0.5 shrink-0 text-warn" />
            <p>Copy the token now: Syncline keeps only its hash and cannot show it again. Anyone holding it acts as you.</p>
          </div>
          <CodeBlock code={created.token} label="Copy the token" />
          <p className="text-xs text-fg-muted">
            Send it as <span className="font-mono">Authorization: Bearer …</span> to Syncline&apos;s API.
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create API token"
      description="A token acts as you, with your role, for scripts and the API."
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" form="create-token-form" variant="primary" busy={create.isPending} disabled={!name.trim()}>
            Create token
          </Button>
        </>
      }
    >
      <form id="create-token-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="Name" htmlFor="token-name" error={nameError} hint="Where it is used, e.g. laptop or ci-deploy">
          <TextInput
            id="token-name"
            autoFocus
            autoComplete="off"
            maxLength={64}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={!!nameError}
            aria-describedby={nameError ? "token-name-error" : "token-name-hint"}
          />
        </Field>
        <Field label="Expires" htmlFor="token-expiry" hint="After this it gets 401, like a revoked token">
          <Select id="token-expiry" value={days} onChange={(event) => setDays(event.target.value)} aria-describedby="token-expiry-hint">
            {EXPIRY_PRESETS.map((preset) => (
              <option key={preset.label} value={preset.days}>
                {preset.label}
              </option>
            ))}
          </Select>
        </Field>
        {create.error && !nameError && <ApiErrorNotice error={create.error} title="The token was not created" />}
      </form>
    </Dialog>
  );
}
