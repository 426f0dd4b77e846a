import type { ReactNode } from "react";

export function SettingsHeading({ id, title, description, actions }: { id: string; title: string; description: string; actions?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h2 id={id} className="text-[15px] font-semibold">
          {title}
        </h2>
        <p className="mt-0.5 text-[13px] text-fg-muted">{description}</p>
      </div>
      {actions}
    </header>
  );
}
