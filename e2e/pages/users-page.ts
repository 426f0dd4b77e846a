import type { Page } from "@playwright/test";

/** /users: the admins' list of users and its dialogs. */
export class UsersPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Users", level: 1 });
  readonly table = () => this.page.getByRole("table", { name: "Users" });
  readonly row = (name: string) => this.table().getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  readonly dialog = () => this.page.getByRole("dialog");
  readonly shownPassword = () => this.dialog().locator("code");

  async goto() {
    await this.page.goto("/users");
  }

  /** Adds a user through the dialog and returns the password it shows once. */
  async addUser(name: string, role: "viewer" | "operator" | "admin"): Promise<string> {
    await this.page.getByRole("button", { name: "Add user" }).click();
    await this.dialog().getByLabel("User name").fill(name);
    await this.dialog().getByLabel("Role").selectOption(role);
    await this.dialog().getByRole("button", { name: "Add user" }).click();
    const password = (await this.shownPassword().textContent())!;
    await this.dialog().getByRole("button", { name: "Done" }).click();
    return password;
  }

  async openActions(name: string, action: "Change role of" | "Reset password for" | "Disable" | "Enable") {
    await this.row(name).getByRole("button", { name: `${action} ${name}` }).click();
  }

  async changeRole(name: string, role: "viewer" | "operator" | "admin") {
    await this.openActions(name, "Change role of");
    await this.dialog().getByLabel("Role").selectOption(role);
    await this.dialog().getByRole("button", { name: "Change role" }).click();
  }

  async resetPassword(name: string): Promise<string> {
    await this.openActions(name, "Reset password for");
    await this.dialog().getByRole("button", { name: "Reset password" }).click();
    const password = (await this.shownPassword().textContent())!;
    await this.dialog().getByRole("button", { name: "Done" }).click();
    return password;
  }

  async disable(name: string) {
    await this.openActions(name, "Disable");
    await this.dialog().getByRole("button", { name: "Disable user" }).click();
  }
}
