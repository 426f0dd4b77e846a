import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails on every serious or critical violation, listing each with the elements it was found on. */
export async function expectAccessible(page: Page, what: string, within?: string) {
  // label-content-name-mismatch (WCAG 2.5.3) is still marked experimental in axe: switched on.
  let axe = new AxeBuilder({ page }).options({ rules: { "label-content-name-mismatch": { enabled: true } } });
  if (within) axe = axe.include(within);
  // A button that changes variant fades its colours for 150 ms; axe would measure the blend.
  await page.waitForFunction(() => document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== "running"));
  const { violations } = await axe.analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`).join("\n")}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}
