import type { Page } from "@playwright/test";

/** /deployments: who deployed what and when. */
export class DeploymentsPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole("table", { name: "Deployments" });
  readonly rows = (text: string | RegExp) => this.table().getByRole("row").filter({ hasText: text });
  readonly csvLink = () => this.page.getByRole("link", { name: "Export CSV" });
  readonly author = () => this.page.getByLabel("Author");
  readonly chart = () => this.page.getByRole("region", { name: "Lead time" });
}
