import type { Page } from "@playwright/test";

/** /clusters/[id]/drift: the cluster's drift report, its drifted objects and their field diffs. */
export class DriftPage {
  constructor(readonly page: Page) {}

  readonly headline = () => this.page.getByTestId("drift-headline");
  readonly refreshButton = () => this.page.getByRole("main").getByRole("button", { name: /^(Refresh|Recomputing…)$/ });
  readonly revisions = (kind: string, namespace: string, name: string) => this.page.getByRole("list", { name: `Revisions of ${kind} ${namespace}/${name}` });
  readonly object = (kind: string, namespaceName: string) =>
    this.page.getByTestId("drifted-object").filter({ has: this.page.getByRole("button", { name: `${kind} ${namespaceName}`, exact: true }) });
  /** One row of an object's field diff: its cells are field, desired, live and last writer. */
  readonly field = (kind: string, namespaceName: string, path: string) =>
    this.page
      .getByRole("table", { name: `Fields of ${kind} ${namespaceName} that differ from Git` })
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: path, exact: true }) });
  readonly history = (clusterName: string) => this.page.getByRole("table", { name: `Drift history of ${clusterName}` });
  readonly historyRow = (clusterName: string, kind: string, namespaceName: string) =>
    this.history(clusterName)
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: `${kind} ${namespaceName}`, exact: true }) });

  async goto(clusterId: string) {
    await this.page.goto(`/clusters/${clusterId}/drift`);
  }

  /** Opens an object's diff unless it is open already. */
  async expand(kind: string, namespaceName: string) {
    const toggle = this.object(kind, namespaceName).getByRole("button", { name: `${kind} ${namespaceName}`, exact: true });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  }
}
