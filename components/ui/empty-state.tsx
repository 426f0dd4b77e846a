import type { ReactNode } from "react";

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** What a newcomer sees instead of an empty table: what belongs here and the next step. */
export function EmptyState({ icon, title, children, actions }: EmptyStateProps) {
  return (
    <section className="flex flex-col items-center rounded-lg border border-dashed border-line-strong bg-panel px-6 py-12 text-center">
      {icon && <div className="mb-3 flex size-10 items-center justify-center rounded-lg border border-line bg-canvas text-fg-muted [&_svg]:size-5">{icon}</div>}
      <h2 className="text-[15px] font-semibold">{title}</h2>
      {children && <div className="mt-1.5 max-w-lg text-[13px] text-fg-muted">{children}</div>}
      {actions && <div className="mt-5 flex w-full max-w-xl flex-col items-center gap-3">{actions}</div>}
    </section>
  );
}
