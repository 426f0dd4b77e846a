import { randomUUID } from "node:crypto";
import { Shell } from "./pages/shell";
import { signInAsAdmin, SignInPage } from "./pages/sign-in-page";
import { UsersPage } from "./pages/users-page";
import { expect, test } from "./world/fixtures";

test.describe("users: an admin manages who can sign in", () => {
  test("an admin adds a user, changes their role, resets their password and disables them, who then cannot sign in", async ({ page, browser, adminPassword }) => {
    const name = `e2e-${randomUUID().slice(0, 6)}`;
    const users = new UsersPage(page);
    await signInAsAdmin(page, adminPassword);
    await new Shell(page).nav().getByRole("link", { name: "Users" }).click();
    await expect(users.heading()).toBeVisible();

    const firstPassword = await users.addUser(name, "viewer");
    expect(firstPassword).toMatch(/^[\w-]{20}$/);
    await expect(page.getByText(firstPassword)).toHaveCount(0);
    await expect(users.row(name)).toContainText("viewer");
    await expect(users.row(name)).toContainText("active");
    await expect(users.row("admin")).toContainText("you");

    await users.changeRole(name, "operator");
    await expect(users.row(name)).toContainText("operator");
    await page.screenshot({ path: "docs/screenshots/users.png" });

    const newPassword = await users.resetPassword(name);
    expect(newPassword).not.toBe(firstPassword);

    // The user, in a browser of their own: the old password fails, the new one works.
    const theirs = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const theirPage = await theirs.newPage();
    const signIn = new SignInPage(theirPage);
    await signIn.goto();
    await signIn.signIn(name, firstPassword);
    await expect(signIn.error()).toHaveText("Wrong user name or password");
    await signIn.signIn(name, newPassword);
    await theirPage.waitForURL(/\/clusters$/);
    await expect(new Shell(theirPage).nav().getByRole("link", { name: "Users" })).toHaveCount(0);
    await theirPage.goto("/users");
    await expect(theirPage.getByRole("heading", { name: "Only admins can manage users" })).toBeVisible();

    await users.disable(name);
    await expect(users.row(name)).toContainText("disabled");

    // Their open session ends at once, and signing in again is refused.
    await theirPage.goto("/clusters");
    await theirPage.waitForURL(/\/sign-in/);
    await signIn.signIn(name, newPassword);
    await expect(signIn.error()).toHaveText("Wrong user name or password");
    await theirs.close();

    await page.goto(`/audit?actor=admin`);
    for (const action of ["user.add", "user.update", "user.password.reset", "user.disable"]) {
      await expect(page.getByRole("table", { name: "Audit trail" }).getByRole("row").filter({ hasText: action }).filter({ hasText: name }).first()).toBeVisible();
    }
  });
});
