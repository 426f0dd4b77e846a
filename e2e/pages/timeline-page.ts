import type { Page } from "@playwright/test";

/** /timeline and /timeline/[repositoryId]: the repositories, then one repository's commits against each cluster. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  readonly repositoryLink = (url: string) => this.page.getByRole("list", { name: "Source repositories" }).getByRole("link", { name: url, exact: true });
  readonly grid = () => this.page.getByRole("table", { name: /^Commits of / });
  readonly scrollBox = () => this.page.getByTestId("timeline-grid");
  readonly clusterHeader = (name: string) => this.grid().getByRole("columnheader").filter({ hasText: name });
  readonly commitRow = (subject: string) => this.grid().getByRole("row").filter({ has: this.page.getByRole("rowheader").filter({ hasText: subject }) });
  /** The cell of a commit's row in a cluster's column. */
  readonly cell = (subject: string, cluster: string) => this.commitRow(subject).locator(`td[data-cluster="${cluster}"]`);
  readonly details = () => this.page.getByRole("tooltip");
  /** The grid's last row, while older commits remain to load. */
  readonly loadOlderCommits = () => this.grid().getByRole("button", { name: "Load older commits" });
  readonly olderCommitsStatus = () => this.grid().getByRole("status");
  readonly labelChip = (label: string) => this.page.getByRole("group", { name: "Cluster labels" }).getByRole("button", { name: label });
}
