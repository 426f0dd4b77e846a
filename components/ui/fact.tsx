import type { ReactNode } from "react";
import { cn } from "./cn";

/** One label/value pair inside a <dl> of facts about a cluster or object; a direct child of the <dl>. */
export function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <dt className="text-[11px] font-medium tracking-wide text-fg-subtle uppercase">{label}</dt>
      <dd className="min-w-0 text-[13px] [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}
