"use client";

import { useState } from "react";
import { useCan } from "@/components/shell/session-context";
import { buttonClass } from "@/components/ui/button";
import { MoreIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { EditClusterDialog } from "./edit-cluster-dialog";
import { RemoveClusterDialog } from "./remove-cluster-dialog";

const itemClass = "flex h-8 w-full items-center rounded-md px-2.5 text-left text-[13px] hover:bg-hover";

export function ClusterMenu({ cluster }: { cluster: ClusterSummary }) {
  const allowed = useCan("clusters.manage");
  const [dialog, setDialog] = useState<"edit" | "remove" | null>(null);
  const [opening, setOpening] = useState(0);
  const show = (which: "edit" | "remove", close: () => void) => {
    close();
    setOpening((count) => count + 1);
    setDialog(which);
  };
  if (!allowed) return null;
  return (
    <>
      <Popover
        placement="bottom-end"
        trigger={(props) => (
          // A named button with a border that holds 3:1 against the page (WCAG 1.4.11), not a bare icon.
          <button type="button" {...props} aria-label="More actions" className={buttonClass("secondary", "md", "border-fg-subtle! px-2.5")}>
            <MoreIcon />
            More
          </button>
        )}
      >
        {(close) => (
          <>
            <button type="button" className={itemClass} onClick={() => show("edit", close)}>
              Edit cluster…
            </button>
            <button type="button" className={`${itemClass} text-fail`} onClick={() => show("remove", close)}>
              Remove cluster…
            </button>
          </>
        )}
      </Popover>
      <EditClusterDialog key={`edit-${opening}`} cluster={cluster} open={dialog === "edit"} onClose={() => setDialog(null)} />
      <RemoveClusterDialog key={`remove-${opening}`} cluster={cluster} open={dialog === "remove"} onClose={() => setDialog(null)} />
    </>
  );
}
