import type { ReactNode } from "react";
import { AlertIcon } from "./icons";

/** What the page shows is not current: the headline says what and since when, the detail why. */
export function WarningNotice({ title, detail }: { title: ReactNode; detail: string | null }) {
  return (
    <div role="status" className="flex items-start gap-2.5 rounded-lg border border-warn/40 bg-warn-soft px-3.5 py-2.5 text-[13px]">
      <AlertIcon className="mt-0.5 shrink-0 text-warn" />
      <div className="min-w-0">
        <p className="font-medium text-fg">{title}</p>
        {detail && <p className="mt-0.5 break-words text-fg-muted">{detail}</p>}
      </div>
    </div>
  );
}
