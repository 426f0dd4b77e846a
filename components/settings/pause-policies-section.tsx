"use client";

import { useState } from "react";
import { useCan } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PlusIcon } from "@/components/ui/icons";
import { TableSkeleton } from "@/components/ui/skeleton";
import { usePausePolicies } from "@/lib/queries/use-pause-policies";
import type { PausePolicyDto } from "@/lib/schemas/pause-policies";
import { PausePoliciesTable } from "./pause-policies-table";
import { PausePolicyDialog } from "./pause-policy-dialog";
import { RemovePausePolicyDialog } from "./remove-pause-policy-dialog";
import { SettingsHeading } from "./settings-heading";

/** Everyone sees the policies their pauses are held to; admins add, edit and remove them. */
export function PausePoliciesSection() {
  const policies = usePausePolicies();
  const canManage = useCan("clusters.manage");
  // A new key per opening gives the form the fields of the policy it edits.
  const [editing, setEditing] = useState<{ policy: PausePolicyDto | null; opening: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState<PausePolicyDto | null>(null);
  const edit = (policy: PausePolicyDto | null) => {
    setEditing((previous) => ({ policy, opening: (previous?.opening ?? 0) + 1 }));
    setOpen(true);
  };
  const addButton = canManage && (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => edit(null)}>
      Add policy
    </Button>
  );

  return (
    <section aria-labelledby="settings-pause-policies" className="flex flex-col gap-3">
      <SettingsHeading
        id="settings-pause-policies"
        title="Pause policies"
        description="What a pause of auto-sync must carry, per cluster label: a reason, a default expiry, a longest expiry. Where several match, the strictest wins."
        actions={addButton}
      />
      {policies.isPending ? (
        <TableSkeleton label="Loading the pause policies" columns={5} rows={2} />
      ) : policies.isError ? (
        <ErrorState title="Could not load the pause policies" error={policies.error} onRetry={() => policies.refetch()} retrying={policies.isFetching} />
      ) : policies.data.length === 0 ? (
        <EmptyState title="No pause policies">
          Pauses need no reason and default to resuming after 4 hours.{canManage ? " Add a policy to require a reason or limit how long production may stay paused." : ""}
        </EmptyState>
      ) : (
        <PausePoliciesTable policies={policies.data} actions={canManage ? { onEdit: edit, onRemove: setRemoving } : null} />
      )}
      {editing && <PausePolicyDialog key={editing.opening} open={open} policy={editing.policy} onClose={() => setOpen(false)} />}
      <RemovePausePolicyDialog policy={removing} onClose={() => setRemoving(null)} />
    </section>
  );
}
