import { request as playwrightRequest } from "@playwright/test";
import { commitChange, gitRevision, requestReconcile } from "./sandbox";
import { FleetPage } from "./pages/fleet-page";
import { signInAsAdmin } from "./pages/sign-in-page";
import { readAppState } from "./world/app-state";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { screenshotPath } from "./world/fixtures";
import { expect, test } from "./world/sandbox";

// One story: an admin sets a policy for a label, a pause is held to it, and resuming asks first.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const selector = `e2e-policy=${run}`;
const unruled: { cluster?: RegisteredCluster } = {};
const ruled: { cluster?: RegisteredCluster } = {};

test.beforeAll(async ({ world }) => {
  const [first, second] = world.world.clusters;
  unruled.cluster = await registerCluster(first!, `free-${run}`, { "e2e-policy": "none" });
  ruled.cluster = await registerCluster(second!, `ruled-${run}`, { "e2e-policy": run });
});

test.afterAll(async () => {
  await unruled.cluster?.remove();
  await ruled.cluster?.remove();
  const { baseURL, adminPassword } = readAppState();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await api.post("/api/auth/sign-in", { data: { name: "admin", password: adminPassword } });
  const listed = await api.get("/api/pause-policies");
  const { items } = listed.ok() ? ((await listed.json()) as { items: Array<{ id: string; selector: string }> }) : { items: [] };
  for (const policy of items.filter((p) => p.selector === selector)) await api.delete(`/api/pause-policies/${policy.id}`);
  await api.dispose();
});

test("without a policy, the pause dialog pre-selects resuming in 4 hours and says what the pause will do", async ({ page, adminPassword }) => {
  const name = unruled.cluster!.name;
  await signInAsAdmin(page, adminPassword, "/clusters");
  const fleet = new FleetPage(page);
  await expect(fleet.row(name).getByText("Connected")).toBeVisible({ timeout: 30_000 });
  await fleet.autoSyncSwitch(name).click();
  const dialog = page.getByRole("dialog", { name: "Pause auto-sync" });
  await expect(dialog.getByLabel("Reason (optional)")).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "In 4h" })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "Don't resume" })).not.toBeChecked();
  await expect(dialog.getByTestId("pause-effect")).toHaveText(/Pauses 4 reconcilers \(Kustomizations and HelmReleases\)\. Sources keep fetching/);
  await expect(dialog.getByTestId("pause-policy")).toHaveCount(0);
  await page.screenshot({ path: screenshotPath("pause-dialog") });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(fleet.autoSyncSwitch(name)).toHaveAttribute("aria-checked", "true");
});

test("an admin adds a pause policy for a label in Settings", async ({ page, adminPassword }) => {
  await signInAsAdmin(page, adminPassword, "/settings");
  const section = page.getByRole("region", { name: "Pause policies" });
  await section.getByRole("button", { name: "Add policy" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a pause policy" });
  await dialog.getByLabel("Clusters (label selector)").fill(selector);
  await expect(dialog.getByLabel("Require a reason for every pause")).toBeChecked();
  await dialog.getByLabel("Default expiry").selectOption({ label: "2 h" });
  await dialog.getByLabel("Longest allowed").selectOption({ label: "8 h" });
  await dialog.getByRole("button", { name: "Add policy" }).click();
  await expect(dialog).toBeHidden();
  const row = section.getByRole("row").filter({ hasText: selector });
  await expect(row).toContainText("required");
  await expect(row).toContainText("2 h");
  await expect(row).toContainText("8 h");
  await page.screenshot({ path: screenshotPath("pause-policies"), fullPage: true });
});

test("under the policy, the dialog names it, pre-selects its default, offers nothing longer, and requires a reason", async ({ page, adminPassword }) => {
  const name = ruled.cluster!.name;
  await signInAsAdmin(page, adminPassword, "/clusters");
  const fleet = new FleetPage(page);
  await expect(fleet.row(name).getByText("Connected")).toBeVisible({ timeout: 30_000 });
  await fleet.autoSyncSwitch(name).click();
  const dialog = page.getByRole("dialog", { name: "Pause auto-sync" });
  await expect(dialog.getByTestId("pause-policy")).toHaveText(`Policy for ${selector}: reason required, at most 8 h, 2 h by default`);
  await expect(dialog.getByRole("radio", { name: "In 2h" })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "In 8h" })).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "In 1d" })).toHaveCount(0);
  await expect(dialog.getByRole("radio", { name: "Don't resume" })).toHaveCount(0);

  await dialog.getByRole("button", { name: "Pause auto-sync" }).click();
  await expect(dialog.getByText(`Give a reason: the pause policy for ${selector} requires one.`)).toBeVisible();
  await expect(dialog.getByLabel("Reason (required)")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: screenshotPath("pause-dialog-policy") });
  await expect(fleet.autoSyncSwitch(name)).toHaveAttribute("aria-checked", "true");

  await dialog.getByLabel("Reason (required)").fill("INC-2142 database failover");
  await dialog.getByRole("button", { name: "Pause auto-sync" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(fleet.autoSyncSwitch(name)).toHaveAttribute("aria-checked", "false", { timeout: 10_000 });
});

test("resuming asks first and shows the revisions waiting: fetched during the pause, not yet applied", async ({ page, adminPassword, world }) => {
  const cluster = world.world.clusters[1]!;
  const name = ruled.cluster!.name;
  const sha = await commitChange(world.world, {
    author: { name: "Maria Lindqvist", email: "maria.lindqvist@acme-shop.io" },
    message: "web: resume preview check",
    files: { [`apps/e2e-notes/${run}.txt`]: `resume preview ${run}\n` },
  });
  await requestReconcile(cluster, { kind: "GitRepository", name: "fleet" });
  await signInAsAdmin(page, adminPassword, "/clusters");
  await expect
    .poll(async () => {
      const objects = (await (await page.request.get(`/api/clusters/${ruled.cluster!.id}/objects?kind=GitRepository`)).json()) as Array<{ revision: string | null }>;
      return objects.map((o) => o.revision);
    }, { timeout: 60_000 })
    .toContain(gitRevision(sha));

  const fleet = new FleetPage(page);
  await fleet.autoSyncSwitch(name).click();
  const dialog = page.getByRole("dialog", { name: `Resume auto-sync on ${name}?` });
  const preview = dialog.getByTestId("resume-preview");
  await expect(preview).toContainText("Resumes 4 reconcilers");
  // Once drift is computed, "New commits it will apply" lists the same reconciler: only the waiting revisions are checked here.
  const apps = preview.getByRole("region", { name: "Revisions waiting to be applied" }).getByRole("listitem").filter({ hasText: "Kustomization flux-system/apps" });
  await expect(apps).toContainText(`fetched main@${sha.slice(0, 7)}, applied main@`);
  await page.screenshot({ path: screenshotPath("resume-preview") });
  await expect(fleet.autoSyncSwitch(name)).toHaveAttribute("aria-checked", "false");

  await dialog.getByRole("button", { name: "Resume auto-sync" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(fleet.autoSyncSwitch(name)).toHaveAttribute("aria-checked", "true", { timeout: 10_000 });
});
