import { randomUUID } from "node:crypto";
import { syncline } from "../tests/support/cli";
import { SettingsPage } from "./pages/settings-page";
import { Shell } from "./pages/shell";
import { SignInPage } from "./pages/sign-in-page";
import { readAppState } from "./world/app-state";
import { expect, test } from "./world/fixtures";

const PASSWORD = "viewer password 1";
const NEW_PASSWORD = "a brand new passphrase";

/** A viewer added with the CLI, as an admin would, on the database of the app under test. */
async function addViewer(): Promise<string> {
  const name = `settings-${randomUUID().slice(0, 6)}`;
  const { dataDir } = readAppState();
  const added = await syncline(["user", "add", name, "--role", "viewer", "--password-stdin"], { input: `${PASSWORD}\n`, env: dataDir ? { SYNCLINE_DATA_DIR: dataDir } : {} });
  expect(added.stderr).toBe("");
  return name;
}

test.describe("settings: my API tokens and password", () => {
  test("a viewer creates a token, sees it once, uses it, revokes it, and changes their password", async ({ page, request }) => {
    const name = await addViewer();
    const settings = new SettingsPage(page);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(name, PASSWORD);
    await page.waitForURL(/\/clusters$/);

    await new Shell(page).accountButton().click();
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(settings.heading()).toBeVisible();
    await expect(page.getByRole("heading", { name: "No API tokens yet" })).toBeVisible();

    await settings.createToken("laptop", "30 days");
    await expect(settings.dialog().getByText("cannot show it again")).toBeVisible();
    await expect(settings.dialog().getByRole("button", { name: "Copy the token" })).toBeVisible();
    const token = (await settings.shownToken().textContent())!;
    expect(token).toMatch(/^slt_[\w-]{43}$/);
    await settings.dialog().getByRole("button", { name: "Done" }).click();
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(settings.tokenRow("laptop")).toContainText(token.slice(0, 10));
    await expect(settings.tokenRow("laptop")).toContainText("active");
    await expect(settings.tokenRow("laptop")).toContainText(/in (30 days|about 1 month)/);

    const withToken = await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status()).toBe(200);
    expect(await withToken.json()).toMatchObject({ name, role: "viewer" });
    await settings.createToken("ci-deploy", "Never");
    await settings.dialog().getByRole("button", { name: "Done" }).click();
    await page.reload();
    await expect(settings.tokenRow("ci-deploy")).toBeVisible();
    // Using the token recorded when it was last used, so forgotten tokens can be found.
    await expect(settings.tokenRow("laptop")).not.toContainText("never");
    await page.screenshot({ path: "docs/screenshots/settings.png" });

    await settings.revokeToken("laptop");
    await expect(settings.tokenRow("laptop")).toContainText("revoked");
    await expect(settings.tokenRow("laptop").getByRole("button", { name: "Revoke laptop" })).toHaveCount(0);
    expect((await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

    await settings.changePassword("not my password", NEW_PASSWORD);
    await expect(page.getByText("The current password is wrong")).toBeVisible();
    await settings.changePassword(PASSWORD, NEW_PASSWORD);
    await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    await new Shell(page).signOut();
    await page.waitForURL(/\/sign-in/);
    await signIn.signIn(name, PASSWORD);
    await expect(signIn.error()).toHaveText("Wrong user name or password");
    await signIn.signIn(name, NEW_PASSWORD);
    await page.waitForURL(/\/clusters$/);
  });
});
