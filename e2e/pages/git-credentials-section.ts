import type { Page } from "@playwright/test";

/** The Git credentials section of /settings and its dialogs. */
export class GitCredentialsSection {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole("table", { name: "Git credentials" });
  readonly row = (name: string) => this.table().getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  readonly dialog = () => this.page.getByRole("dialog");
  readonly addButton = () => this.page.getByRole("button", { name: "Add credential" });
  readonly testResult = () => this.dialog().getByRole("status", { name: "Test result" });

  async add(kind: string, fields: Record<string, string>) {
    await this.addButton().click();
    await this.dialog().getByLabel("Kind").selectOption({ label: kind });
    for (const [label, value] of Object.entries(fields)) await this.dialog().getByLabel(label, { exact: true }).fill(value);
    await this.dialog().getByRole("button", { name: "Add credential" }).click();
    await this.dialog().waitFor({ state: "hidden" });
  }

  async openTest(name: string, url?: string) {
    await this.row(name).getByRole("button", { name: `Test ${name}` }).click();
    if (url !== undefined) await this.dialog().getByLabel("Repository URL").fill(url);
    await this.dialog().getByRole("button", { name: "Run test" }).click();
  }

  async rotate(name: string, fields: Record<string, string>) {
    await this.row(name).getByRole("button", { name: `Rotate ${name}` }).click();
    for (const [label, value] of Object.entries(fields)) await this.dialog().getByLabel(label, { exact: true }).fill(value);
    await this.dialog().getByRole("button", { name: "Rotate secret" }).click();
    await this.dialog().waitFor({ state: "hidden" });
  }

  async edit(name: string, fields: Record<string, string>) {
    await this.row(name).getByRole("button", { name: `Edit ${name}` }).click();
    for (const [label, value] of Object.entries(fields)) await this.dialog().getByLabel(label, { exact: true }).fill(value);
    await this.dialog().getByRole("button", { name: "Save" }).click();
    await this.dialog().waitFor({ state: "hidden" });
  }

  async remove(name: string) {
    await this.row(name).getByRole("button", { name: `Remove ${name}` }).click();
    await this.dialog().getByRole("button", { name: "Remove credential" }).click();
    await this.dialog().waitFor({ state: "hidden" });
  }
}
