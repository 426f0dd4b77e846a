import { cn } from "./cn";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded bg-selected", className)} />;
}

/** A table-shaped placeholder, so the page does not jump when the rows arrive. */
export function TableSkeleton({ rows = 8, columns = 5, label = "Loading" }: { rows?: number; columns?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="overflow-hidden rounded-lg border border-line bg-panel">
      <div className="flex h-9 items-center gap-6 border-b border-line px-4">
        {Array.from({ length: columns }, (_, i) => (
          <Skeleton key={i} className={cn("h-2.5", i === 0 ? "w-32" : "w-16")} />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex h-10 items-center gap-6 border-b border-line px-4 last:border-b-0">
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className={cn("h-3", i === 0 ? "w-40" : i % 2 ? "w-20" : "w-14")} />
          ))}
        </div>
      ))}
    </div>
  );
}
