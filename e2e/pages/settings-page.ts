import type { Page } from "@playwright/test";

/** /settings: the signed-in user's API tokens and password. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Settings", level: 1 });
  readonly tokensTable = () => this.page.getByRole("table", { name: "API tokens" });
  readonly tokenRow = (name: string) => this.tokensTable().getByRole("row").filter({ hasText: name });
  readonly dialog = () => this.page.getByRole("dialog");
  readonly shownToken = () => this.dialog().locator("code");

  async goto() {
    await this.page.goto("/settings");
  }

  async createToken(name: string, expiry: string) {
    await this.page.getByRole("button", { name: "Create token" }).click();
    await this.dialog().getByLabel("Name").fill(name);
    await this.dialog().getByLabel("Expires").selectOption({ label: expiry });
    await this.dialog().getByRole("button", { name: "Create token" }).click();
  }

  async revokeToken(name: string) {
    await this.tokenRow(name).getByRole("button", { name: `Revoke ${name}` }).click();
    await this.dialog().getByRole("button", { name: "Revoke token" }).click();
  }

  async changePassword(current: string, next: string) {
    await this.page.getByLabel("Current password").fill(current);
    await this.page.getByLabel("New password", { exact: true }).fill(next);
    await this.page.getByLabel("Repeat the new password").fill(next);
    await this.page.getByRole("button", { name: "Change password" }).click();
  }
}
