"use client";

import { useState } from "react";
import { useCan, useSessionUser } from "@/components/shell/session-context";
import { cn } from "@/components/ui/cn";
import { compactNumber } from "@/components/ui/format";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import type { AutoSyncResult, AutoSyncState, ObjectRef } from "@/lib/fleet/dto";
import { useSetAutoSync } from "@/lib/queries/use-set-auto-sync";
import { describeOutcome } from "./describe-outcome";
import { describePauseEffect } from "./describe-pause-effect";
import { PauseDialog } from "./pause-dialog";
import { ResumeDialog } from "./resume-dialog";

interface AutoSyncSwitchProps {
  clusterId: string;
  clusterName: string;
  /** One object; without it the switch acts on every reconciler of the cluster. */
  object?: ObjectRef;
  autoSync: AutoSyncState;
  /** Hide the "On"/"Paused" text where a column header already says it. */
  compact?: boolean;
}

/**
 * Turning auto-sync off asks why and until when; turning a cluster back on asks for confirmation
 * after showing what it will apply (one object resumes in one click). Part-paused ("mixed") turns
 * fully on. The outcome per object is reported when the action ends.
 */
export function AutoSyncSwitch({ clusterId, clusterName, object, autoSync, compact }: AutoSyncSwitchProps) {
  const mutation = useSetAutoSync(clusterId, object);
  const allowed = useCan("clusters.autosync");
  const { role } = useSessionUser();
  const toast = useToast();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [partial, setPartial] = useState<AutoSyncResult>();
  // A new key per opening gives the form fresh fields, while the dialog stays mounted so that
  // closing it returns focus to the switch.
  const [opening, setOpening] = useState(0);
  const [confirmingResume, setConfirmingResume] = useState(false);
  const [resumeOpening, setResumeOpening] = useState(0);

  const subject = object ? `${object.kind} ${object.namespace}/${object.name}` : clusterName;
  const report = (result: AutoSyncResult) => {
    const summary = describeOutcome(result.enabled ? "Resumed" : "Paused", result.outcome, result.results);
    toast({ tone: summary.tone === "ok" ? "ok" : summary.tone === "warn" ? "warn" : "fail", title: `${subject}: ${summary.text}` });
  };

  const resume = () =>
    mutation.mutate(
      { enabled: true },
      {
        onSuccess: (result) => {
          report(result);
          setConfirmingResume(false);
        },
        onError: (error) => toast({ tone: "fail", title: `Auto-sync was not resumed on ${subject}`, description: `${error.message} (${error.code})` }),
      },
    );

  const pause = (input: Parameters<typeof mutation.mutate>[0]) =>
    mutation.mutate(input, {
      onSuccess: (result) => {
        report(result);
        if (result.outcome === "success") setDialogOpen(false);
        else setPartial(result);
      },
    });

  const open = () => {
    mutation.reset();
    setPartial(undefined);
    setOpening((count) => count + 1);
    setDialogOpen(true);
  };

  const confirmResume = () => {
    mutation.reset();
    setResumeOpening((count) => count + 1);
    setConfirmingResume(true);
  };

  const on = autoSync.state === "on";
  const label = mutation.isPending
    ? mutation.variables?.enabled
      ? "Resuming…"
      : "Pausing…"
    : on
      ? "On"
      : autoSync.state === "mixed"
        ? `Paused ${compactNumber(autoSync.suspended)} of ${compactNumber(autoSync.total)}`
        : "Paused";

  return (
    <div className="flex items-center gap-2">
      <Switch
        checked={on}
        mixed={autoSync.state === "mixed"}
        busy={mutation.isPending}
        disabled={!allowed}
        onClick={on ? open : object ? resume : confirmResume}
        label={`Auto-sync for ${subject}`}
        title={allowed ? (on ? "Pause auto-sync" : "Resume auto-sync") : `Your role (${role}) may not change auto-sync`}
      />
      {!compact && (
        <span className={cn("text-xs whitespace-nowrap", on ? "text-fg-muted" : "font-medium text-warn")} aria-live="polite">
          {label}
        </span>
      )}
      {/* Mounted on first use: a table of 10,000 rows should not hold 10,000 dialogs. */}
      {opening > 0 && (
        <PauseDialog
          key={opening}
          open={dialogOpen}
          onClose={() => setDialogOpen(false)}
          clusterId={clusterId}
          target={object ? subject : `every Flux reconciler on ${clusterName}`}
          effect={describePauseEffect(object ?? { reconcilers: autoSync.total - autoSync.suspended })}
          onPause={pause}
          pending={mutation.isPending}
          error={mutation.error}
          result={partial}
        />
      )}
      {!object && resumeOpening > 0 && (
        <ResumeDialog
          key={resumeOpening}
          open={confirmingResume}
          onClose={() => setConfirmingResume(false)}
          clusterId={clusterId}
          clusterName={clusterName}
          onResume={resume}
          pending={mutation.isPending}
        />
      )}
    </div>
  );
}
