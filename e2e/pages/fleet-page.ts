import type { Page } from "@playwright/test";

/** /clusters: the fleet table and the "Add cluster" dialog. */
export class FleetPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole("table", { name: "Clusters" });
  readonly row = (clusterName: string) => this.table().getByRole("row").filter({ has: this.page.getByRole("link", { name: clusterName, exact: true }) });
  readonly autoSyncSwitch = (clusterName: string) => this.row(clusterName).getByRole("switch", { name: `Auto-sync for ${clusterName}` });
  readonly addClusterButton = () => this.page.getByRole("button", { name: "Add cluster" }).first();
  readonly dialog = () => this.page.getByRole("dialog");

  async goto() {
    await this.page.goto("/clusters");
  }

  async addCluster(input: { kubeconfig: string; name: string; labels: string; context?: string }) {
    await this.addClusterButton().click();
    const dialog = this.page.getByRole("dialog", { name: "Add cluster" });
    await dialog.getByLabel("Kubeconfig").fill(input.kubeconfig);
    if (input.context) await dialog.getByLabel("Context").selectOption(input.context);
    await dialog.getByLabel("Name").fill(input.name);
    await dialog.getByLabel("Labels").fill(input.labels);
    await dialog.getByRole("button", { name: "Add cluster" }).click();
    return dialog;
  }

  async pauseAutoSync(clusterName: string, options: { reason: string; resumeIn: "In 30m" | "In 1h" | "In 4h" | "In 1d" }) {
    await this.autoSyncSwitch(clusterName).click();
    const dialog = this.page.getByRole("dialog", { name: "Pause auto-sync" });
    await dialog.getByLabel("Reason (optional)").fill(options.reason);
    await dialog.getByText(options.resumeIn, { exact: true }).click();
    await dialog.getByRole("button", { name: "Pause auto-sync" }).click();
    return dialog;
  }
}
