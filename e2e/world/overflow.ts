import type { Locator, Page } from "@playwright/test";

/**
 * Text the user cannot read in full, inside `root`: an element whose content is wider than its box
 * (clipped, or ellipsised as "HelmReposi…"), or one that spills past the right edge of `root`.
 * Each is described by its text, so a failure names what was cut. A disclosure's button may show
 * the start of a long text: pressing it shows the rest.
 */
export async function cutOffText(root: Locator): Promise<string[]> {
  return root.evaluateAll((roots) => {
    const found: string[] = [];
    // Screen-reader-only text (a 1×1 px clipped box) is not meant to be seen.
    const unseen = (element: Element) => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        if (at.getAttribute("aria-hidden") === "true" || at.matches("[popovertarget], [aria-expanded]")) return true;
        if (at.clientWidth <= 1 && at.clientHeight <= 1 && getComputedStyle(at).position === "absolute") return true;
      }
      return false;
    };
    for (const container of roots) {
      const edge = container.getBoundingClientRect().right;
      for (const element of [container, ...container.querySelectorAll<HTMLElement>("*")]) {
        if (element.getClientRects().length === 0 || unseen(element)) continue;
        const text = (element.textContent ?? "").trim().slice(0, 60);
        if (!text) continue;
        const style = getComputedStyle(element);
        if (element.clientWidth > 0 && style.display !== "inline" && element.scrollWidth > element.clientWidth + 1) {
          found.push(`"${text}" is ${element.scrollWidth}px wide in a ${element.clientWidth}px ${element.tagName.toLowerCase()}`);
        } else if (element.getBoundingClientRect().right > edge + 1 && element.children.length === 0) {
          found.push(`"${text}" spills ${Math.round(element.getBoundingClientRect().right - edge)}px out of its ${container.tagName.toLowerCase()}`);
        }
      }
    }
    return found;
  });
}

/** A search box whose placeholder does not fit says which one. */
export async function clippedPlaceholders(page: Page): Promise<string[]> {
  return page.locator("input[placeholder]").evaluateAll((inputs) =>
    (inputs as HTMLInputElement[]).flatMap((input) => {
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const needed = context.measureText(input.placeholder).width;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return needed > room + 1 ? [`"${input.placeholder}" needs ${Math.ceil(needed)}px, has ${Math.floor(room)}px`] : [];
    }),
  );
}
