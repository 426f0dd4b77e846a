import { cn } from "./cn";
import { Spinner } from "./spinner";

interface SwitchProps {
  checked: boolean;
  /** Part-way: some of what the switch controls is off. */
  mixed?: boolean;
  onClick: () => void;
  label: string;
  busy?: boolean;
  disabled?: boolean;
  title?: string;
}

export function Switch({ checked, mixed, onClick, label, busy, disabled, title }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-busy={busy || undefined}
      title={title}
      onClick={onClick}
      disabled={disabled || busy}
      className={cn(
        "relative inline-flex h-[18px] w-8 shrink-0 items-center rounded-full border transition-colors disabled:cursor-not-allowed disabled:opacity-60",
        checked ? "border-transparent bg-ok-bar" : mixed ? "border-transparent bg-warn-bar" : "border-line-strong bg-selected",
      )}
    >
      <span
        className={cn(
          "flex size-3.5 items-center justify-center rounded-full bg-white shadow-sm transition-transform",
          checked ? "translate-x-[15px]" : mixed ? "translate-x-[8px]" : "translate-x-[1px]",
        )}
      >
        {busy && <Spinner className="size-2.5 text-fg-subtle" />}
      </span>
    </button>
  );
}
