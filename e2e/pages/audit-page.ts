import type { Page } from "@playwright/test";

/** /audit: filters and the audit trail table. */
export class AuditPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole("table", { name: "Audit trail" });
  readonly rows = (text: string | RegExp) => this.table().getByRole("row").filter({ hasText: text });
  readonly csvLink = () => this.page.getByRole("link", { name: "Download CSV" });

  async goto() {
    await this.page.goto("/audit");
  }

  async filterByCluster(clusterName: string) {
    await this.page.getByLabel("Cluster").selectOption({ label: clusterName });
  }

  async filterByAction(action: string) {
    await this.page.getByLabel("Action").selectOption(action);
  }
}
