"use client";

import { useRef, useState } from "react";
import { cn } from "./cn";
import { CheckIcon, CopyIcon } from "./icons";

/** Monospace text with a copy button; `prompt` adds a shell "$" that is not copied. */
export function CodeBlock({ code, prompt, label = "Copy", className }: { code: string; prompt?: boolean; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  const codeRef = useRef<HTMLElement>(null);
  const copy = async () => {
    // The clipboard API exists only on https and localhost; elsewhere, select the text for Ctrl+C.
    if (!navigator.clipboard) {
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
    await navigator.clipboard.writeText(code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className={cn("group relative w-full rounded-md border border-line bg-code text-left", className)}>
      {/* Focusable, so a keyboard can scroll what is wider than the box. */}
      <pre tabIndex={0} className="overflow-x-auto py-2.5 pr-12 pl-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-fg [overflow-wrap:anywhere]">
        {prompt && <span className="select-none text-fg-subtle">$ </span>}
        <code ref={codeRef}>{code}</code>
      </pre>
      <button
        type="button"
        onClick={copy}
        aria-label={copied ? "Copied" : label}
        title={label}
        className="absolute top-1.5 right-1.5 flex size-7 items-center justify-center rounded border border-line bg-panel text-fg-muted hover:text-fg"
      >
        {copied ? <CheckIcon className="text-ok" /> : <CopyIcon />}
      </button>
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied to the clipboard" : ""}
      </span>
    </div>
  );
}
