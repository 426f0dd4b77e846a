"use client";

import { addMinutes, format } from "date-fns";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Field, TextInput } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import type { AutoSyncResult } from "@/lib/fleet/dto";
import { describeMinutes } from "@/lib/pause-policies/describe-minutes";
import { useClusterPausePolicy } from "@/lib/queries/use-cluster-pause-policy";
import type { SetAutoSyncInput } from "@/lib/queries/use-set-auto-sync";
import type { EffectivePausePolicy } from "@/lib/schemas/pause-policies";
import { describeOutcome } from "./describe-outcome";
import { describePausePolicy } from "./describe-pause-policy";
import { OutcomeList } from "./outcome-list";
import { compactMinutes, pauseChoices, type PauseChoice } from "./pause-presets";

interface PauseDialogProps {
  open: boolean;
  onClose: () => void;
  clusterId: string;
  /** e.g. "every Flux reconciler on staging-eu", or "Kustomization flux-system/apps". */
  target: string;
  /** What the pause will do, from describePauseEffect. */
  effect: string;
  onPause: (input: SetAutoSyncInput) => void;
  pending: boolean;
  error: unknown;
  /** Kept open after a partial result, so the user sees which objects failed and why. */
  result: AutoSyncResult | undefined;
}

export function PauseDialog({ open, onClose, clusterId, target, effect, onPause, pending, error, result }: PauseDialogProps) {
  const policy = useClusterPausePolicy(clusterId);
  const summary = result && describeOutcome("Paused", result.outcome, result.results);
  const ready = !policy.isPending;

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
            <Button type="submit" form="pause-form" variant="primary" busy={pending} disabled={!ready}>
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
        <div className="flex flex-col gap-4">
          <p className="text-[13px]" data-testid="pause-effect">
            {effect}
          </p>
          {policy.isPending ? (
            <div role="status" aria-label="Loading the pause policy" className="flex flex-col gap-2">
              <Skeleton className="h-8 w-full" />
              <Skeleton className="h-7 w-3/4" />
            </div>
          ) : (
            <PauseForm policy={policy.data} onPause={onPause} />
          )}
          {policy.isError && <ErrorState title="Could not load the pause policy; Syncline still enforces it" error={policy.error} />}
          {error ? <ErrorState title="Auto-sync was not paused" error={error} /> : null}
        </div>
      )}
    </Dialog>
  );
}

function PauseForm({ policy, onPause }: { policy: EffectivePausePolicy | undefined; onPause: (input: SetAutoSyncInput) => void }) {
  const { choices, initial } = pauseChoices(policy);
  const [reason, setReason] = useState("");
  const [choiceId, setChoiceId] = useState(initial);
  const [at, setAt] = useState("");
  const [problem, setProblem] = useState<{ field: "reason" | "at"; message: string }>();
  const requireReason = policy?.requireReason ?? false;
  const max = policy?.maxExpiryMinutes ?? null;
  const policyText = policy && describePausePolicy(policy);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (requireReason && !reason.trim()) {
      setProblem({ field: "reason", message: `Give a reason: the pause policy for ${policy!.reasonRequiredBy} requires one.` });
      return;
    }
    const choice = choices.find((c) => c.id === choiceId);
    let until: string | undefined;
    if (choice?.id === "at") {
      if (!at) return setProblem({ field: "at", message: "Choose when to resume." });
      const date = new Date(at);
      if (max !== null && date > addMinutes(new Date(), max)) {
        return setProblem({ field: "at", message: `The pause policy for ${policy!.maxExpiryFrom} allows at most ${describeMinutes(max)}.` });
      }
      until = date.toISOString();
    } else if (choice && "minutes" in choice) {
      until = addMinutes(new Date(), choice.minutes).toISOString();
    }
    setProblem(undefined);
    onPause({ enabled: false, reason: reason.trim() || undefined, until });
  };

  const reasonError = problem?.field === "reason" ? problem.message : undefined;
  return (
    <form id="pause-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {policyText && (
        <p className="rounded-md bg-info-soft px-3 py-2 text-xs text-fg" data-testid="pause-policy">
          {policyText}
        </p>
      )}
      <Field
        label={requireReason ? "Reason (required)" : "Reason (optional)"}
        htmlFor="pause-reason"
        error={reasonError}
        hint="Shown to everyone next to the paused objects, and kept in the audit trail."
      >
        <TextInput
          id="pause-reason"
          autoFocus
          maxLength={500}
          required={requireReason}
          placeholder="e.g. Hotfix in progress, INC-2142"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={!!reasonError}
          aria-describedby={reasonError ? "pause-reason-error" : "pause-reason-hint"}
        />
      </Field>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-xs font-medium text-fg-muted">Resume automatically</legend>
        <div className="flex flex-wrap gap-1.5">
          {choices.map((choice) => (
            <label
              key={choice.id}
              className={cn(
                "flex h-7 cursor-pointer items-center rounded-md border px-2.5 text-xs font-medium has-focus-visible:outline-2 has-focus-visible:outline-ring",
                choiceId === choice.id ? "border-accent bg-accent-soft text-accent" : "border-line-strong text-fg-muted hover:bg-hover",
              )}
            >
              <input type="radio" name="resume" value={choice.id} checked={choiceId === choice.id} onChange={() => setChoiceId(choice.id)} className="sr-only" />
              {choiceLabel(choice)}
            </label>
          ))}
        </div>
        {choiceId === "at" && (
          <div className="mt-1 flex flex-col gap-1">
            <TextInput
              type="datetime-local"
              aria-label="Resume at"
              required
              value={at}
              min={format(new Date(), "yyyy-MM-dd'T'HH:mm")}
              max={max === null ? undefined : format(addMinutes(new Date(), max), "yyyy-MM-dd'T'HH:mm")}
              onChange={(event) => setAt(event.target.value)}
              aria-invalid={problem?.field === "at"}
              className="w-60"
            />
            {problem?.field === "at" && <p className="text-xs text-fail">{problem.message}</p>}
          </div>
        )}
      </fieldset>
    </form>
  );
}

function choiceLabel(choice: PauseChoice): string {
  if (choice.id === "never") return "Don't resume";
  if (choice.id === "at") return "At a time…";
  return "minutes" in choice ? `In ${compactMinutes(choice.minutes)}` : choice.id;
}
