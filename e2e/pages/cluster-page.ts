import type { Page } from "@playwright/test";

/** /clusters/[id]: one cluster's header and its table of Flux objects. */
export class ClusterPage {
  constructor(readonly page: Page) {}

  readonly objectsTable = () => this.page.getByRole("table", { name: /^Flux objects on / });
  readonly objectRow = (kind: string, name: string) =>
    this.objectsTable()
      .getByRole("row")
      .filter({ hasText: kind })
      .filter({ has: this.page.getByRole("link", { name: new RegExp(`/${name}$`) }) });
  readonly clusterAutoSync = (clusterName: string) => this.page.getByRole("switch", { name: `Auto-sync for ${clusterName}`, exact: true });
  readonly moreActions = () => this.page.getByRole("button", { name: "More actions" });

  async openEditDialog() {
    await this.moreActions().click();
    await this.page.getByRole("button", { name: "Edit cluster…" }).click();
    return this.page.getByRole("dialog", { name: "Edit cluster" });
  }

  async relabel(labels: string) {
    const dialog = await this.openEditDialog();
    await dialog.getByLabel("Labels").fill(labels);
    await dialog.getByRole("button", { name: "Save" }).click();
    return dialog;
  }

  async remove(confirmName: string) {
    await this.moreActions().click();
    await this.page.getByRole("button", { name: "Remove cluster…" }).click();
    const dialog = this.page.getByRole("dialog", { name: /^Remove / });
    const confirm = dialog.getByRole("button", { name: "Remove cluster" });
    await dialog.getByLabel(/to confirm/).fill(confirmName);
    return { dialog, confirm };
  }
}
