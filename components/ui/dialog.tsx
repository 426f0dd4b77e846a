"use client";

import { useEffect, useId, useRef, useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";
import { CloseIcon } from "./icons";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** Buttons, right-aligned in the footer. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
}

const widths = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" };

const subscribeNothing = () => () => {};

const FIRST_FIELD = ["input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=file])", "textarea", "select"]
  .map((field) => `${field}:not(:disabled):not([tabindex="-1"])`)
  .join(", ");

/**
 * A modal on the native <dialog>: the browser traps focus, closes it on Escape and puts it in the
 * top layer. It is portalled to <body> so that a dialog opened from a table cell inherits none of
 * the cell's styles (nowrap, ellipsis, uppercase headers).
 */
export function Dialog({ open, onClose, title, description, children, footer, size = "md" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  const inBrowser = useSyncExternalStore(subscribeNothing, () => true, () => false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The browser focuses the first focusable element, the × in the header; the first field is
      // where the user starts, and without one the footer's first button (Cancel) is the safe start.
      const start = dialog.querySelector<HTMLElement>(FIRST_FIELD) ?? dialog.querySelector<HTMLElement>("footer button:not(:disabled)");
      start?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, inBrowser]);

  if (!inBrowser) return null;
  return createPortal(
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-xl border border-line bg-panel p-0 text-fg shadow-pop backdrop:bg-black/40 backdrop:backdrop-blur-[1px]",
        widths[size],
      )}
    >
      {open && (
        <div className="flex max-h-[85dvh] flex-col">
          <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
            <div>
              <h2 id={titleId} className="text-[15px] font-semibold">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-0.5 text-[13px] text-fg-muted">
                  {description}
                </p>
              )}
            </div>
            <button type="button" onClick={onClose} aria-label="Close" className="-m-1 flex size-7 items-center justify-center rounded-md text-fg-subtle hover:bg-hover hover:text-fg">
              <CloseIcon />
            </button>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && <footer className="flex items-center justify-end gap-2 border-t border-line px-5 py-3">{footer}</footer>}
        </div>
      )}
    </dialog>,
    document.body,
  );
}
