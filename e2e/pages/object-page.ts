import type { Page } from "@playwright/test";

/** /clusters/[id]/objects/[kind]/[namespace]/[name]: one Flux object. */
export class ObjectPage {
  constructor(readonly page: Page) {}

  readonly managedObjects = (kind: string) => this.page.getByRole("table", { name: `Objects managed by this ${kind}` });
  readonly events = () => this.page.getByRole("region", { name: "Recent events" });
}
