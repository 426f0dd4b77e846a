import { request as playwrightRequest, type Browser, type Locator, type Page } from "@playwright/test";
import { ClusterPage } from "./pages/cluster-page";
import { FleetPage } from "./pages/fleet-page";
import { signInAsAdmin } from "./pages/sign-in-page";
import { expectAccessible } from "./world/accessibility";
import { appPages, pageUrl } from "./world/app-pages";
import { readAppState } from "./world/app-state";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// WCAG 2.2 AA, checked by axe on every page of the app (found in the route tree, so a page added
// later is checked without anyone remembering to list it) and on every dialog, in both themes.
test.describe.configure({ mode: "serial" });

const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const clusterName = `a11y-${Date.now().toString(36)}`;
let cluster: RegisteredCluster | undefined;

/** The theme follows the system's unless chosen: emulating the system's scheme drives it. */
async function applyTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
}

/** Data has arrived: no loading placeholder is left in the page. */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status", { name: /^Loading/ })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator("main .animate-pulse.bg-selected")).toHaveCount(0, { timeout: 30_000 });
}

/** A Git repository the registered cluster pulls, once Syncline has read it from the cluster's sources; read in a session of its own. */
async function pulledRepositoryId(browser: Browser, baseURL: string | undefined, adminPassword: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAsAdmin(page, adminPassword, "/timeline");
  const link = page.getByRole("list", { name: "Source repositories" }).getByRole("link").first();
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const href = (await link.getAttribute("href"))!;
  await context.close();
  return href.split("/").pop()!;
}

/** A source stored through the API (never applied, targeting no cluster) for its page and dialogs; `remove` deletes it. */
async function storedSource(): Promise<{ id: string; remove: () => Promise<void> }> {
  const { baseURL, adminPassword } = readAppState();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await api.post("/api/auth/sign-in", { data: { name: "admin", password: adminPassword } });
  const created = await api.post("/api/sources", {
    data: { name: `a11y-${Date.now().toString(36)}`, url: "https://git.example.com/acme/fleet", ref: { branch: "main" }, path: "./clusters/{{labels.env}}", selector: `a11y-source=${clusterName}` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { id, remove: async () => (await api.delete(`/api/sources/${id}`), await api.dispose()) };
}

interface DialogCheck {
  name: string;
  open: (page: Page) => Promise<Locator>;
}

// Every dialog, from the page that opens it. Each is opened, checked, and closed with Escape.
const DIALOGS: Record<string, DialogCheck[]> = {
  "/clusters": [
    { name: "add cluster", open: async (page) => (await new FleetPage(page).addClusterButton().click(), page.getByRole("dialog", { name: "Add cluster" })) },
    { name: "pause auto-sync", open: async (page) => (await new FleetPage(page).autoSyncSwitch(clusterName).click(), page.getByRole("dialog")) },
  ],
  "/clusters/[id]": [
    {
      name: "edit cluster",
      open: async (page) => {
        await new ClusterPage(page).moreActions().click();
        await page.getByRole("button", { name: "Edit cluster…" }).click();
        return page.getByRole("dialog", { name: "Edit cluster" });
      },
    },
    {
      name: "remove cluster",
      open: async (page) => {
        await new ClusterPage(page).moreActions().click();
        await page.getByRole("button", { name: "Remove cluster…" }).click();
        return page.getByRole("dialog", { name: /^Remove / });
      },
    },
    { name: "pause the cluster", open: async (page) => (await new ClusterPage(page).clusterAutoSync(clusterName).click(), page.getByRole("dialog")) },
  ],
  "/clusters/[id]/objects/[kind]/[namespace]/[name]": [
    { name: "pause one object", open: async (page) => (await page.getByRole("main").getByRole("switch").first().click(), page.getByRole("dialog")) },
  ],
  "/sources": [{ name: "new source", open: async (page) => (await page.getByRole("button", { name: "New source" }).first().click(), page.getByRole("dialog", { name: "New source" })) }],
  "/sources/[id]": [
    { name: "edit source", open: async (page) => (await page.getByRole("button", { name: "Edit", exact: true }).click(), page.getByRole("dialog", { name: /^Edit / })) },
    {
      name: "source preview",
      open: async (page) => {
        await page.getByRole("button", { name: "Preview and apply" }).click();
        const dialog = page.getByRole("dialog", { name: /^Preview: / });
        await expect(dialog.getByTestId("source-preview")).toBeVisible({ timeout: 30_000 });
        return dialog;
      },
    },
    { name: "delete source", open: async (page) => (await page.getByRole("button", { name: "Delete", exact: true }).click(), page.getByRole("dialog", { name: /^Delete / })) },
  ],
  "/users": [
    { name: "add user", open: async (page) => (await page.getByRole("button", { name: "Add user" }).click(), page.getByRole("dialog")) },
    { name: "change role", open: async (page) => (await page.getByRole("button", { name: "Change role of admin" }).click(), page.getByRole("dialog")) },
    { name: "reset password", open: async (page) => (await page.getByRole("button", { name: "Reset password for admin" }).click(), page.getByRole("dialog")) },
    { name: "disable user", open: async (page) => (await page.getByRole("button", { name: "Disable admin" }).click(), page.getByRole("dialog")) },
  ],
  "/settings": [
    { name: "add pause policy", open: async (page) => (await page.getByRole("button", { name: "Add policy" }).click(), page.getByRole("dialog")) },
    { name: "create token", open: async (page) => (await page.getByRole("button", { name: "Create token" }).click(), page.getByRole("dialog")) },
    {
      name: "token shown once",
      open: async (page) => {
        await page.getByRole("button", { name: "Create token" }).click();
        const dialog = page.getByRole("dialog");
        await dialog.getByLabel("Name").fill(`a11y-${Date.now().toString(36)}`);
        await dialog.getByRole("button", { name: "Create token" }).click();
        await expect(dialog.getByText("cannot show it again")).toBeVisible();
        return dialog;
      },
    },
    { name: "revoke token", open: async (page) => (await page.getByRole("button", { name: /^Revoke a11y-/ }).first().click(), page.getByRole("dialog")) },
  ],
};

test.describe("accessibility: every page and dialog passes axe (WCAG 2.2 AA) in both themes", () => {
  test.beforeAll(async ({ sandboxCluster }) => {
    cluster = await registerCluster(sandboxCluster, clusterName, { env: "staging", team: "platform" });
  });

  test.afterAll(async () => {
    await cluster?.remove();
  });

  test("the pages checked are the app's pages, and every dialog belongs to one of them", () => {
    const pages = appPages();
    expect(pages).toEqual(expect.arrayContaining(["/sign-in", "/clusters", "/clusters/[id]", "/audit", "/users", "/settings"]));
    expect(pages).toEqual(expect.arrayContaining(Object.keys(DIALOGS)));
  });

  test("the sign-in page", async ({ page }) => {
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto("/sign-in");
      await applyTheme(page, theme);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      await expectAccessible(page, `sign-in (${theme})`);
    }
  });

  for (const route of appPages().filter((route) => route !== "/sign-in")) {
    test(`${route} and its dialogs`, async ({ page, browser, baseURL, adminPassword }) => {
      const repositoryId = route.includes("[repositoryId]") ? await pulledRepositoryId(browser, baseURL, adminPassword) : "";
      const source = route.startsWith("/sources/") ? await storedSource() : null;
      const url = pageUrl(route, { id: source?.id ?? cluster!.id, kind: "Kustomization", namespace: "flux-system", name: "apps", repositoryId });
      await signInAsAdmin(page, adminPassword, url);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(url);
        await applyTheme(page, theme);
        await settled(page);
        await expectAccessible(page, `${route} (${theme})`);
        for (const dialog of DIALOGS[route] ?? []) {
          const opened = await dialog.open(page);
          await expect(opened).toBeVisible();
          await expectAccessible(page, `${route}: the ${dialog.name} dialog (${theme})`, "dialog[open]");
          await page.keyboard.press("Escape");
          await expect(opened).toBeHidden();
        }
      }
      await source?.remove();
    });
  }

  // Last, since it leaves the cluster paused: the resume confirmation only opens on a paused cluster.
  test("the resume confirmation, with its preview", async ({ page, adminPassword }) => {
    await cluster!.pause("a11y: the resume dialog");
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}`);
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`/clusters/${cluster!.id}`);
      await applyTheme(page, theme);
      await settled(page);
      await expect(new ClusterPage(page).clusterAutoSync(clusterName)).toHaveAttribute("aria-checked", "false", { timeout: 30_000 });
      await new ClusterPage(page).clusterAutoSync(clusterName).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("resume-preview")).toBeVisible();
      await expectAccessible(page, `the resume dialog (${theme})`, "dialog[open]");
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
    }
  });
});
