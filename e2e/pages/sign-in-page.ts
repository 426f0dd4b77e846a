import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  readonly name = () => this.page.getByLabel("User name");
  readonly password = () => this.page.getByLabel("Password");
  readonly submit = () => this.page.getByRole("button", { name: "Sign in" });
  readonly error = () => this.page.locator("form").getByRole("alert");

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  }

  async signIn(name: string, password: string) {
    await this.name().fill(name);
    await this.password().fill(password);
    await this.submit().click();
  }
}

/** Signs in through the form, as a user would, and waits for the fleet. */
export async function signInAsAdmin(page: Page, password: string, next?: string) {
  const signIn = new SignInPage(page);
  await signIn.goto(next);
  await signIn.signIn("admin", password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
