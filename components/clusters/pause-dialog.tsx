"use client";

import { addMinutes } from "date-fns";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Field, TextInput } from "@/components/ui/field";
import type { AutoSyncResult } from "@/lib/fleet/dto";
import type { SetAutoSyncInput } from "@/lib/queries/use-set-auto-sync";
import { describeOutcome } from "./describe-outcome";
import { OutcomeList } from "./outcome-list";

const presets = [
  { id: "never", label: "Don't", minutes: null },
  { id: "30m", label: "30m", minutes: 30 },
  { id: "1h", label: "1h", minutes: 60 },
  { id: "4h", label: "4h", minutes: 240 },
  { id: "1d", label: "1d", minutes: 1440 },
  { id: "at", label: "At…", minutes: null },
] as const;

type Preset = (typeof presets)[number]["id"];

interface PauseDialogProps {
  open: boolean;
  onClose: () => void;
  /** e.g. "all 12 reconcilers on staging-eu", or "Kustomization flux-system/apps". */
  target: string;
  onPause: (input: SetAutoSyncInput) => void;
  pending: boolean;
  error: unknown;
  /** Kept open after a partial result, so the user sees which objects failed and why. */
  result: AutoSyncResult | undefined;
}

export function PauseDialog({ open, onClose, target, onPause, pending, error, result }: PauseDialogProps) {
  const [reason, setReason] = useState("");
  const [preset, setPreset] = useState<Preset>("never");
  const [at, setAt] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = presets.find((choice) => choice.id === preset)?.minutes;
    const until = preset === "at" && at ? new Date(at).toISOString() : minutes ? addMinutes(new Date(), minutes).toISOString() : undefined;
    onPause({ enabled: false, reason: reason.trim() || undefined, until });
  };

  const summary = result && describeOutcome("Paused", result.outcome, result.results);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Pause auto-sync"
      description={<>Flux stops applying Git changes to {target} until auto-sync is resumed.</>}
      footer={
        summary ? (
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" form="pause-form" variant="primary" busy={pending} disabled={preset === "at" && !at}>
              {pending ? "Pausing…" : "Pause auto-sync"}
            </Button>
          </>
        )
      }
    >
      {summary ? (
        <div className="flex flex-col gap-3">
          <p role="status" className={cn("text-[13px] font-medium", summary.tone === "fail" ? "text-fail" : "text-warn")}>
            {summary.text}
          </p>
          <OutcomeList results={result.results} />
        </div>
      ) : (
        <form id="pause-form" onSubmit={submit} className="flex flex-col gap-4">
          <Field label="Reason (optional)" htmlFor="pause-reason" hint="Shown to everyone next to the paused objects, and kept in the audit trail.">
            <TextInput
              id="pause-reason"
              autoFocus
              maxLength={500}
              placeholder="e.g. Hotfix in progress, INC-2142"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-describedby="pause-reason-hint"
            />
          </Field>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-xs font-medium text-fg-muted">Resume automatically</legend>
            <div className="flex flex-wrap gap-1.5">
              {presets.map((choice) => (
                <label
                  key={choice.id}
                  className={cn(
                    "flex h-7 cursor-pointer items-center rounded-md border px-2.5 text-xs font-medium has-focus-visible:outline-2 has-focus-visible:outline-ring",
                    preset === choice.id ? "border-accent bg-accent-soft text-accent" : "border-line-strong text-fg-muted hover:bg-hover",
                  )}
                >
                  <input type="radio" name="resume" value={choice.id} checked={preset === choice.id} onChange={() => setPreset(choice.id)} className="sr-only" />
                  {choice.id === "never" ? "Don't resume" : choice.id === "at" ? "At a time…" : `In ${choice.label}`}
                </label>
              ))}
            </div>
            {preset === "at" && (
              <TextInput type="datetime-local" aria-label="Resume at" required value={at} onChange={(event) => setAt(event.target.value)} className="mt-1 w-60" />
            )}
          </fieldset>
          {error ? <ErrorState title="Auto-sync was not paused" error={error} /> : null}
        </form>
      )}
    </Dialog>
  );
}
