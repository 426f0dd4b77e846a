import type { Page } from "@playwright/test";

/** The cluster page's "Running now" panel: applied revisions and recent deployments. */
export class RunningNowPanel {
  constructor(readonly page: Page) {}

  readonly region = () => this.page.getByRole("region", { name: "Running now" });
  readonly reconciler = (namespace: string, name: string) =>
    this.region()
      .getByRole("list", { name: "Applied revisions" })
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("link", { name: `${namespace}/${name}`, exact: true }) });
  readonly deployments = (name: string) =>
    this.region()
      .getByRole("list", { name: "Recent deployments" })
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("link", { name, exact: true }) });
}

/** The object page's "Sync history" section: steps newest first. */
export class SyncHistorySection {
  constructor(readonly page: Page) {}

  readonly region = () => this.page.getByRole("region", { name: "Sync history" });
  readonly steps = () => this.region().getByRole("list", { name: "Sync steps, newest first" }).getByRole("listitem");
}
