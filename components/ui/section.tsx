import type { ReactNode } from "react";

/** A titled panel on a detail page. */
export function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="overflow-hidden rounded-lg border border-line bg-panel">
      <header className="flex h-10 items-center justify-between border-b border-line px-4">
        <h2 id={id} className="text-[13px] font-semibold">
          {title}
        </h2>
        {aside}
      </header>
      {children}
    </section>
  );
}
