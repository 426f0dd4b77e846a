import { NAV_ITEMS, Shell } from "./pages/shell";
import { SignInPage } from "./pages/sign-in-page";
import { expect, screenshotPath, test } from "./world/fixtures";

test.describe("signing in and the app shell", () => {
  test("signing in as admin opens the fleet with Clusters, Sources, Timeline and Audit in the navigation", async ({ page, adminPassword }) => {
    const signIn = new SignInPage(page);
    const shell = new Shell(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await signIn.signIn("admin", adminPassword);

    await expect(page).toHaveURL(/\/clusters$/);
    for (const item of NAV_ITEMS) await expect(shell.navLink(item)).toBeVisible();
    await expect(shell.currentNavLink()).toHaveText("Clusters");
    await expect(shell.accountButton()).toContainText("admin");
    await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
    await expect(shell.liveIndicator()).toBeVisible();
    await shell.chooseTheme("Light theme");
    await page.screenshot({ path: screenshotPath("shell-light") });
  });

  test("a new installation tells the user how to add the first cluster", async ({ page, adminPassword }) => {
    await new SignInPage(page).goto("/clusters");
    await new SignInPage(page).signIn("admin", adminPassword);
    // The clusters spec removes what it registers, so this app has no clusters here, as after installing.
    await expect(page.getByRole("heading", { name: "Add your first cluster" })).toBeVisible();
    await expect(page.getByText("npx syncline cluster add --kubeconfig ~/.kube/config --context my-cluster --label env=staging")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add cluster" })).toBeEnabled();
  });

  test("the dark theme is remembered and applied before the page paints", async ({ page, adminPassword }) => {
    const shell = new Shell(page);
    await new SignInPage(page).goto();
    await new SignInPage(page).signIn("admin", adminPassword);
    await shell.chooseTheme("Dark theme");
    await expect(page.locator("html")).toHaveClass(/dark/);

    // The inline script sets the class before any stylesheet or React runs: no light flash.
    await page.reload({ waitUntil: "commit" });
    await page.waitForSelector("html.dark", { state: "attached" });
    const darkAtFirstPaint = await page.evaluate(() => document.documentElement.classList.contains("dark"));
    expect(darkAtFirstPaint).toBe(true);
    await expect(shell.nav()).toBeVisible();
    await expect(page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
    await page.screenshot({ path: screenshotPath("shell-dark") });
    await shell.chooseTheme("Light theme");
  });

  test("a wrong password says so and keeps the user on the sign-in page", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn("admin", "not-the-password");
    await expect(signIn.error()).toHaveText("Wrong user name or password");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(signIn.password()).toHaveValue("not-the-password");
    await page.screenshot({ path: screenshotPath("sign-in-error") });
  });

  test("a deep link survives signing in", async ({ page, adminPassword }) => {
    await page.goto("/audit?action=cluster.add");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faudit%3Faction%3Dcluster.add/);
    await new SignInPage(page).signIn("admin", adminPassword);
    await expect(page).toHaveURL(/\/audit\?action=cluster\.add$/);
    await expect(page.getByLabel("Action")).toHaveValue("cluster.add");
  });

  test("the shell works with the keyboard alone: skip link, navigation, current page", async ({ page, adminPassword }) => {
    const signIn = new SignInPage(page);
    const shell = new Shell(page);
    await signIn.goto();
    await signIn.name().focus();
    await page.keyboard.type("admin");
    await page.keyboard.press("Tab");
    await page.keyboard.type(adminPassword);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/clusters$/);

    await page.keyboard.press("Tab");
    await expect(shell.skipLink()).toBeFocused();
    await expect(shell.skipLink()).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(shell.main()).toBeFocused();

    await shell.navLink("Clusters").focus();
    await page.keyboard.press("Tab");
    await expect(shell.navLink("Sources")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/sources$/);
    await expect(shell.currentNavLink()).toHaveText("Sources");
    await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();

    // Focus is drawn: the focused link has an outline.
    await page.keyboard.press("Tab");
    await expect(shell.navLink("Timeline")).toBeFocused();
    const outline = await shell.navLink("Timeline").evaluate((link) => getComputedStyle(link).outlineStyle);
    expect(outline).not.toBe("none");
  });

  test("signing out returns to sign-in, and the dashboard then asks to sign in again", async ({ page, adminPassword }) => {
    const signIn = new SignInPage(page);
    const shell = new Shell(page);
    await signIn.goto();
    await signIn.signIn("admin", adminPassword);
    await expect(shell.nav()).toBeVisible();
    await shell.signOut();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/clusters");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fclusters/);
  });

  test("signing out while the fleet is still loading lands on a plain sign-in page", async ({ page, adminPassword }) => {
    const signIn = new SignInPage(page);
    const shell = new Shell(page);
    await signIn.goto();
    await signIn.signIn("admin", adminPassword);
    await expect(shell.nav()).toBeVisible();

    // The fleet request is held until sign-out has ended the session, so it fails with 401 before
    // sign-out's own response arrives: what a slow page meets when its user signs out.
    let endSession!: () => void;
    const sessionEnded = new Promise<void>((resolve) => (endSession = resolve));
    await page.route("**/api/clusters", async (route) => {
      await sessionEnded;
      await route.continue();
    });
    await page.route("**/api/auth/sign-out", async (route) => {
      const signedOut = await route.fetch();
      const fleetRefused = page.waitForResponse((response) => response.url().endsWith("/api/clusters") && response.status() === 401);
      endSession();
      await fleetRefused;
      // Give a redirect for that 401 time to happen, so it can't be overtaken by sign-out's own.
      await page.waitForEvent("framenavigated", { timeout: 2_000 }).catch(() => undefined);
      await route.fulfill({ response: signedOut }).catch(() => undefined);
    });
    await page.goto("/clusters");
    await shell.signOut();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  test("on a phone the sidebar becomes a top bar whose menu holds the navigation", async ({ page, adminPassword }) => {
    const shell = new Shell(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await new SignInPage(page).goto();
    await new SignInPage(page).signIn("admin", adminPassword);
    await expect(page).toHaveURL(/\/clusters$/);
    await expect(page.getByRole("heading", { name: "Clusters", level: 1 })).toBeVisible();
    await expect(shell.nav()).toBeHidden();
    await page.screenshot({ path: screenshotPath("shell-mobile") });

    await shell.menuButton().click();
    await expect(shell.menuButton()).toHaveAttribute("aria-expanded", "true");
    await shell.navLink("Audit").click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
    await expect(shell.nav()).toBeHidden();
    await shell.menuButton().click();
    await expect(shell.currentNavLink()).toHaveText("Audit");
    await page.screenshot({ path: screenshotPath("shell-mobile-menu") });
  });
});
