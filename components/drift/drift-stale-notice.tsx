import { formatAbsolute, TimeAgo } from "@/components/ui/time-ago";
import { WarningNotice } from "@/components/ui/warning-notice";
import type { DriftSummary } from "@/lib/schemas/drift";

/** A report Syncline cannot vouch for now: why, and from when the last one is. */
export function DriftStaleNotice({ summary }: { summary: DriftSummary }) {
  const title = (
    <>
      Drift is unknown now
      {summary.computedAt ? (
        <>
          {" "}
          — showing the last report, from {formatAbsolute(summary.computedAt)} (<TimeAgo iso={summary.computedAt} />)
        </>
      ) : (
        " — it was never computed"
      )}
    </>
  );
  return <WarningNotice title={title} detail={summary.staleReason} />;
}
