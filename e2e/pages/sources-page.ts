import type { Page } from "@playwright/test";

/** /sources and /sources/[id]: the sources, the new-source form, its preview, and the per-cluster rollout. */
export class SourcesPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole("table", { name: "Sources" });
  readonly row = (name: string) => this.table().getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  readonly newSourceButton = () => this.page.getByRole("button", { name: "New source" }).first();
  readonly form = () => this.page.getByRole("dialog", { name: "New source" });
  readonly preview = () => this.page.getByRole("dialog", { name: /^Preview: / });
  readonly clusterPlan = (clusterName: string) => this.preview().getByRole("listitem", { name: new RegExp(`^${clusterName}: `) });
  readonly rolloutTable = () => this.page.getByRole("table", { name: "Rollout per cluster" });
  readonly rolloutRow = (clusterName: string) => this.rolloutTable().getByRole("row").filter({ has: this.page.getByRole("link", { name: clusterName, exact: true }) });
  readonly existingSources = () => this.page.getByRole("region", { name: "Existing Flux sources" });

  async goto() {
    await this.page.goto("/sources");
  }

  async fillForm(input: { name: string; url: string; branch: string; path: string; selector: string; variables?: Record<string, string> }) {
    const form = this.form();
    await form.getByLabel("Name", { exact: true }).fill(input.name);
    await form.getByLabel("Git URL").fill(input.url);
    await form.getByLabel("Ref kind").selectOption("branch");
    await form.getByLabel("Ref", { exact: true }).fill(input.branch);
    await form.getByLabel("Path").fill(input.path);
    await form.getByRole("textbox", { name: "Label selector" }).fill(input.selector);
    for (const [index, [key, value]] of Object.entries(input.variables ?? {}).entries()) {
      await form.getByRole("button", { name: "Add variable" }).click();
      await form.getByLabel(`Variable ${index + 1} name`).fill(key);
      await form.getByLabel(`Variable ${index + 1} value`).fill(value);
    }
  }

  async saveAndPreview() {
    await this.form().getByRole("button", { name: "Save and preview" }).click();
  }
}
