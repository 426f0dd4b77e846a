"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { CloseIcon } from "./icons";
import type { Tone } from "./badge";

export interface ToastInput {
  tone?: Extract<Tone, "ok" | "fail" | "warn" | "neutral">;
  title: string;
  description?: ReactNode;
}

interface Toast extends ToastInput {
  id: number;
}

const ToastContext = createContext<(toast: ToastInput) => void>(() => {});

const bars = { ok: "bg-ok-bar", fail: "bg-fail-bar", warn: "bg-warn-bar", neutral: "bg-neutral-bar" };

/** Outcomes of actions; failures stay until dismissed, since someone has to read them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (input: ToastInput) => {
      const id = Date.now() + Math.random();
      setToasts((all) => [...all.slice(-3), { ...input, id }]);
      if (input.tone !== "fail") setTimeout(() => dismiss(id), 7000);
    },
    [dismiss],
  );
  const value = useMemo(() => push, [push]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(380px,calc(100%-2rem))] flex-col gap-2">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === "fail" ? "alert" : "status"}
            className="pointer-events-auto flex overflow-hidden rounded-lg border border-line bg-panel shadow-pop"
          >
            <span aria-hidden="true" className={cn("w-1 shrink-0", bars[toast.tone ?? "neutral"])} />
            <div className="min-w-0 flex-1 px-3 py-2.5">
              <p className="text-[13px] font-medium">{toast.title}</p>
              {toast.description && <div className="mt-0.5 text-xs break-words text-fg-muted">{toast.description}</div>}
            </div>
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              aria-label="Dismiss"
              className="m-1.5 flex size-6 shrink-0 items-center justify-center rounded text-fg-subtle hover:bg-hover hover:text-fg"
            >
              <CloseIcon className="size-3.5" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
