"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";

/** Paging the grid down to older commits. */
export interface OlderCommits {
  /** More commits fall in the range than are loaded. */
  more: boolean;
  /** The next page is on its way. */
  loading: boolean;
  /** Why the last page failed to load; shown under the grid, with a retry. */
  failure: Error | null;
  /** Scrolling near the end may load the next page by itself: not while another fetch runs, nor after one failed. */
  auto: boolean;
  load: () => unknown;
}

/**
 * The grid's last row while older commits remain: a button for keyboard users (and whenever
 * scrolling did not load them), and "Loading…" while a page is on its way. The button stays
 * mounted while it loads, only out of sight, so that a keyboard user keeps their place on it.
 */
export function OlderCommitsRow({ older, columns, rowIndex }: { older: OlderCommits; columns: number; rowIndex: number }) {
  return (
    <tfoot>
      <tr aria-rowindex={rowIndex}>
        <td colSpan={columns} className="p-0">
          {/* The row is as wide as every column; its content stays at the visible left edge. */}
          <div className="sticky left-0 flex w-max items-center gap-3 px-3 py-3">
            <Button className={cn(older.loading && "sr-only")} aria-disabled={older.loading || undefined} onClick={() => older.loading || older.load()}>
              Load older commits
            </Button>
            <p role="status" className="flex items-center gap-2 text-[13px] text-fg-muted">
              {older.loading && (
                <>
                  <Spinner />
                  Loading older commits…
                </>
              )}
            </p>
          </div>
        </td>
      </tr>
    </tfoot>
  );
}
