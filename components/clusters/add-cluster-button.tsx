"use client";

import { useState } from "react";
import { useCan, useSessionUser } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { AddClusterDialog } from "./add-cluster-dialog";

export function AddClusterButton() {
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(0);
  const allowed = useCan("clusters.manage");
  const { role } = useSessionUser();
  return (
    <>
      <Button
        variant="primary"
        icon={<PlusIcon />}
        disabled={!allowed}
        title={allowed ? undefined : `Your role (${role}) may not add clusters`}
        onClick={() => {
          setOpening((count) => count + 1);
          setOpen(true);
        }}
      >
        Add cluster
      </Button>
      <AddClusterDialog key={opening} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
