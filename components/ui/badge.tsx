import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "ok" | "fail" | "warn" | "info" | "neutral" | "accent";

const tones: Record<Tone, string> = {
  ok: "bg-ok-soft text-ok",
  fail: "bg-fail-soft text-fail",
  warn: "bg-warn-soft text-warn",
  info: "bg-info-soft text-info",
  neutral: "bg-neutral-soft text-neutral",
  accent: "bg-accent-soft text-accent",
};

const dots: Record<Tone, string> = {
  ok: "bg-ok-bar",
  fail: "bg-fail-bar",
  warn: "bg-warn-bar",
  info: "bg-info-bar",
  neutral: "bg-neutral-bar",
  accent: "bg-accent",
};

export function Badge({ tone = "neutral", children, className, title }: { tone?: Tone; children: ReactNode; className?: string; title?: string }) {
  return (
    <span title={title} className={cn("inline-flex h-5 items-center gap-1 whitespace-nowrap rounded px-1.5 text-[11px] font-medium", tones[tone], className)}>
      {children}
    </span>
  );
}

/** A state with a coloured dot: the dot carries colour, the word carries meaning. */
export function StatusPill({ tone, children, pulse, title }: { tone: Tone; children: ReactNode; pulse?: boolean; title?: string }) {
  return (
    <span title={title} className={cn("inline-flex h-5 items-center gap-1.5 whitespace-nowrap rounded-full px-2 text-[11px] font-medium", tones[tone])}>
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", dots[tone], pulse && "animate-pulse")} />
      {children}
    </span>
  );
}

/** A Kubernetes-style label, key=value, in a monospace chip. */
export function LabelChip({ name, value, onClick, pressed }: { name: string; value: string; onClick?: () => void; pressed?: boolean }) {
  const className = cn(
    // A long label wraps inside its chip rather than being cut: it is what a user filters by.
    "inline-flex min-h-5 max-w-full items-center rounded border px-1.5 text-left font-mono text-[11px]",
    pressed ? "border-accent bg-accent-soft text-accent" : "border-line bg-canvas text-fg-muted",
    onClick && "hover:border-line-strong hover:text-fg",
  );
  const text = (
    <span className="[overflow-wrap:anywhere]">
      {name}
      <span className="text-fg-subtle">=</span>
      {value}
    </span>
  );
  if (!onClick) return <span className={className}>{text}</span>;
  return (
    <button type="button" className={className} onClick={onClick} aria-pressed={pressed} title={`Filter by ${name}=${value}`}>
      {text}
    </button>
  );
}
