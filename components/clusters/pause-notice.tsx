import { PauseIcon } from "@/components/ui/icons";
import { compactNumber } from "@/components/ui/format";
import type { AutoSyncState, SuspensionInfo } from "@/lib/fleet/dto";
import { SuspensionDetails } from "./suspension-cell";

/** Under the cluster's header, next to the switch: who paused auto-sync, why, and until when, in full. */
export function PauseNotice({ autoSync, suspension }: { autoSync: AutoSyncState; suspension: SuspensionInfo }) {
  const title =
    autoSync.state === "mixed" ? `Auto-sync paused on ${compactNumber(autoSync.suspended)} of ${compactNumber(autoSync.total)} reconcilers` : "Auto-sync paused";
  return (
    <section aria-label="Pause" className="flex items-start gap-2.5 rounded-lg border border-warn/40 bg-warn-soft px-3.5 py-2.5">
      <PauseIcon className="mt-0.5 shrink-0 text-warn" />
      <div className="min-w-0 flex-1">
        <h2 className="text-[13px] font-medium text-fg">{title}</h2>
        <SuspensionDetails suspension={suspension} />
      </div>
    </section>
  );
}
