"use client";

import { useCan, useSessionUser } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { RefreshIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import type { ObjectRef, ReconcileResult } from "@/lib/fleet/dto";
import { useReconcile } from "@/lib/queries/use-reconcile";
import { describeOutcome } from "./describe-outcome";

interface ReconcileButtonProps {
  clusterId: string;
  clusterName: string;
  object?: ObjectRef;
  /** An icon-only button for table rows. */
  iconOnly?: boolean;
}

/** "Reconcile now": the toast says what Flux was asked to do, or why it was not (e.g. suspended). */
export function ReconcileButton({ clusterId, clusterName, object, iconOnly }: ReconcileButtonProps) {
  const reconcile = useReconcile(clusterId, object);
  const allowed = useCan("clusters.reconcile");
  const { role } = useSessionUser();
  const toast = useToast();
  const subject = object ? `${object.kind} ${object.namespace}/${object.name}` : `every reconciler on ${clusterName}`;

  const report = (result: ReconcileResult) => {
    const single = object && result.results.length === 1 ? result.results[0] : undefined;
    if (single && (single.outcome === "skipped" || single.outcome === "failed")) {
      toast({ tone: single.outcome === "failed" ? "fail" : "warn", title: `Not reconciled: ${subject}`, description: single.message });
      return;
    }
    const summary = describeOutcome("Reconcile requested for", result.outcome, result.results);
    toast({ tone: summary.tone, title: object ? `Reconcile requested for ${subject}` : summary.text });
  };

  const run = () =>
    reconcile.mutate(undefined, {
      onSuccess: report,
      onError: (error) => toast({ tone: "fail", title: `Not reconciled: ${subject}`, description: `${error.message} (${error.code})` }),
    });

  const title = allowed ? `Reconcile ${subject} now` : `Your role (${role}) may not reconcile`;
  if (iconOnly) {
    return (
      <button
        type="button"
        onClick={run}
        disabled={!allowed || reconcile.isPending}
        aria-label={`Reconcile ${subject}`}
        title={title}
        className={cn("flex size-7 items-center justify-center rounded-md text-fg-subtle hover:bg-selected hover:text-fg disabled:opacity-50")}
      >
        {reconcile.isPending ? <Spinner /> : <RefreshIcon className="size-3.5" />}
      </button>
    );
  }
  return (
    <Button icon={<RefreshIcon />} onClick={run} busy={reconcile.isPending} disabled={!allowed} title={title}>
      {object ? "Reconcile" : "Reconcile all"}
    </Button>
  );
}
