"use client";

import { useCan } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { useRefreshDrift } from "@/lib/queries/use-refresh-drift";

interface RefreshDriftButtonProps {
  clusterId: string;
  /** A recompute asked for here is under way: its result has not arrived yet. */
  refreshing: boolean;
  onStarted: () => void;
}

/** Asks for a recompute now; the page shows progress until the report's computedAt changes. */
export function RefreshDriftButton({ clusterId, refreshing, onStarted }: RefreshDriftButtonProps) {
  const refresh = useRefreshDrift(clusterId);
  const toast = useToast();
  const allowed = useCan("clusters.reconcile");
  return (
    <Button
      icon={<RefreshIcon />}
      busy={refresh.isPending || refreshing}
      disabled={!allowed}
      onClick={() =>
        refresh.mutate(undefined, {
          onSuccess: onStarted,
          onError: (error) => toast({ tone: "fail", title: "Drift was not recomputed", description: `${error.message} (${error.code})` }),
        })
      }
    >
      {refresh.isPending || refreshing ? "Recomputing…" : "Refresh"}
    </Button>
  );
}
