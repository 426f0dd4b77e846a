"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { describeMinutes } from "@/lib/pause-policies/describe-minutes";
import { useSavePausePolicy } from "@/lib/queries/use-save-pause-policy";
import type { PausePolicyDto } from "@/lib/schemas/pause-policies";

const DURATIONS = [30, 60, 120, 240, 480, 720, 1440, 4320, 10080];

interface PausePolicyDialogProps {
  open: boolean;
  /** The policy to edit; null adds one. */
  policy: PausePolicyDto | null;
  onClose: () => void;
}

/** Adds or edits one policy: its selector, whether a reason is required, its default and longest expiry. */
export function PausePolicyDialog({ open, policy, onClose }: PausePolicyDialogProps) {
  const save = useSavePausePolicy(policy?.id ?? null);
  const toast = useToast();
  const [selector, setSelector] = useState(policy?.selector ?? "");
  const [requireReason, setRequireReason] = useState(policy?.requireReason ?? true);
  const [defaultExpiry, setDefaultExpiry] = useState(String(policy?.defaultExpiryMinutes ?? 240));
  const [maxExpiry, setMaxExpiry] = useState(String(policy?.maxExpiryMinutes ?? 480));
  const selectorError = save.error?.code === "conflict" || isSelectorIssue(save.error?.details) ? save.error!.message : undefined;
  const inverted = defaultExpiry !== "" && maxExpiry !== "" && Number(defaultExpiry) > Number(maxExpiry);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      selector: selector.trim(),
      requireReason,
      defaultExpiryMinutes: defaultExpiry ? Number(defaultExpiry) : null,
      maxExpiryMinutes: maxExpiry ? Number(maxExpiry) : null,
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        toast({ tone: "ok", title: `${policy ? "Saved" : "Added"} the pause policy for ${saved.selector}` });
        onClose();
      },
    });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={policy ? `Edit the pause policy for ${policy.selector}` : "Add a pause policy"}
      description="Applies to every pause of a cluster whose labels match, and of its objects. Pauses already made keep their expiry."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="pause-policy-form" variant="primary" busy={save.isPending} disabled={!selector.trim() || inverted}>
            {policy ? "Save policy" : "Add policy"}
          </Button>
        </>
      }
    >
      <form id="pause-policy-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="Clusters (label selector)" htmlFor="policy-selector" error={selectorError} hint="As for kubectl -l: env=production, or env in (prod,staging),team=payments">
          <TextInput
            id="policy-selector"
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            className="font-mono"
            placeholder="env=production"
            value={selector}
            onChange={(event) => setSelector(event.target.value)}
            aria-invalid={!!selectorError}
            aria-describedby={selectorError ? "policy-selector-error" : "policy-selector-hint"}
          />
        </Field>
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" checked={requireReason} onChange={(event) => setRequireReason(event.target.checked)} className="size-4 accent-[var(--accent)]" />
          Require a reason for every pause
        </label>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label="Default expiry" htmlFor="policy-default" hint="Pre-selected in the pause dialog; applied when a pause names none" error={inverted ? "Longer than the longest allowed" : undefined}>
            <DurationSelect id="policy-default" value={defaultExpiry} onChange={setDefaultExpiry} none="None (4 h pre-selected)" invalid={inverted} />
          </Field>
          <Field label="Longest allowed" htmlFor="policy-max" hint="Longer pauses, and pauses without an expiry, are refused">
            <DurationSelect id="policy-max" value={maxExpiry} onChange={setMaxExpiry} none="No limit" />
          </Field>
        </div>
        {save.error && !selectorError && <ApiErrorNotice error={save.error} title="The policy was not saved" />}
      </form>
    </Dialog>
  );
}

function DurationSelect({ id, value, onChange, none, invalid }: { id: string; value: string; onChange: (value: string) => void; none: string; invalid?: boolean }) {
  const options = value && !DURATIONS.includes(Number(value)) ? [...DURATIONS, Number(value)].sort((a, b) => a - b) : DURATIONS;
  return (
    <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={invalid} aria-describedby={invalid ? `${id}-error` : `${id}-hint`}>
      <option value="">{none}</option>
      {options.map((minutes) => (
        <option key={minutes} value={String(minutes)}>
          {describeMinutes(minutes)}
        </option>
      ))}
    </Select>
  );
}

function isSelectorIssue(details: unknown): boolean {
  return Array.isArray(details) && details.some((issue: { path?: unknown }) => issue?.path === "selector");
}
