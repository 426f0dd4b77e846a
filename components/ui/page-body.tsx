import type { ReactNode } from "react";

/** The padding and vertical rhythm every dashboard page shares. */
export function PageBody({ children }: { children: ReactNode }) {
  return <div className="flex min-h-0 flex-1 flex-col gap-4 px-4 py-5 md:px-6">{children}</div>;
}
