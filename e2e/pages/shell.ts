import type { Page } from "@playwright/test";

export const NAV_ITEMS = ["Clusters", "Sources", "Timeline", "Deployments", "Audit"] as const;

/** The dashboard frame around every page: navigation, account menu, theme. */
export class Shell {
  constructor(readonly page: Page) {}

  readonly nav = () => this.page.getByRole("navigation", { name: "Main" });
  readonly navLink = (name: (typeof NAV_ITEMS)[number]) => this.nav().getByRole("link", { name });
  readonly currentNavLink = () => this.nav().locator('[aria-current="page"]');
  readonly skipLink = () => this.page.getByRole("link", { name: "Skip to content" });
  readonly main = () => this.page.locator("main#main");
  readonly accountButton = () => this.page.getByRole("button", { name: /^Account:/ });
  readonly menuButton = () => this.page.getByRole("button", { name: /navigation$/ });
  readonly liveIndicator = () => this.page.getByText("Live", { exact: true }).filter({ visible: true });

  async chooseTheme(theme: "Light theme" | "Dark theme" | "Match the system theme") {
    await this.page.getByRole("group", { name: "Theme" }).getByRole("button", { name: theme }).click();
  }

  async signOut() {
    await this.accountButton().click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
  }
}
