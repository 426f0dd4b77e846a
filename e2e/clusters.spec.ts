import { readFileSync } from "node:fs";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { kubectl } from "./sandbox";
import { AuditPage } from "./pages/audit-page";
import { ClusterPage } from "./pages/cluster-page";
import { FleetPage } from "./pages/fleet-page";
import { signInAsAdmin } from "./pages/sign-in-page";
import { readAppState } from "./world/app-state";
import { screenshotPath } from "./world/fixtures";
import { expect, test } from "./world/sandbox";

// One story, told in order: register a cluster, pause and resume it, find the record of it.
test.describe.configure({ mode: "serial" });

const clusterName = `e2e-${Date.now().toString(36)}`;
const reason = "Freeze for the e2e release check";
// Live updates arrive over server-sent events; nothing in these tests reloads the page to see them.
const LIVE = { timeout: 5_000 };
let clusterId = "";

async function openCluster(page: Page) {
  await page.goto(`/clusters/${clusterId}`);
  await expect(new ClusterPage(page).objectsTable()).toBeVisible({ timeout: 30_000 });
}

test.describe("registering a cluster and pausing its auto-sync", () => {
  test("a kubeconfig whose user may not read Flux objects is refused, with the API's code and reason in the form", async ({ page, adminPassword, sandboxCluster }) => {
    const fleet = new FleetPage(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    const dialog = await fleet.addCluster({ kubeconfig: readFileSync(sandboxCluster.nobodyKubeconfig, "utf8"), name: `${clusterName}-nobody`, labels: "" });
    const notice = dialog.getByRole("alert");
    await expect(notice).toContainText("The cluster was not added", { timeout: 30_000 });
    await expect(notice.locator("code")).toHaveText(/^cluster_(forbidden|unauthorized)$/);
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: screenshotPath("add-cluster-refused") });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(fleet.row(`${clusterName}-nobody`)).toHaveCount(0);
  });

  test("a cluster registered by pasting its kubeconfig appears in the fleet, connected, with its Flux objects", async ({ page, adminPassword, sandboxCluster }) => {
    const fleet = new FleetPage(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    const dialog = await fleet.addCluster({ kubeconfig: sandboxCluster.kubeconfigText, name: clusterName, labels: "env=staging, owner=e2e" });
    await expect(dialog.getByLabel("Context")).toHaveValue(sandboxCluster.context);
    await expect(dialog).toBeHidden({ timeout: 30_000 });

    const row = fleet.row(clusterName);
    await expect(row).toBeVisible();
    await expect(row.getByText("Connected")).toBeVisible({ timeout: 30_000 });
    await expect(row.getByRole("img", { name: /of [1-9]\d* objects/ })).toBeVisible();
    await expect(row.getByRole("button", { name: "owner=e2e" })).toBeVisible();
    await expect(fleet.autoSyncSwitch(clusterName)).toHaveAttribute("aria-checked", "true");
    clusterId = (await row.getByRole("link", { name: clusterName, exact: true }).getAttribute("href"))!.split("/").pop()!;
    await page.screenshot({ path: screenshotPath("fleet") });
  });

  test("pausing auto-sync with a reason shows the cluster paused, live, in another tab; resuming turns it back on", async ({ page, context, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, "/clusters");
    const watcher = await context.newPage();
    await openCluster(watcher);
    const watched = new ClusterPage(watcher);
    await expect(watched.objectRow("Kustomization", "apps").getByText("Ready")).toBeVisible({ timeout: 30_000 });

    const fleet = new FleetPage(page);
    const dialog = await fleet.pauseAutoSync(clusterName, { reason, resumeIn: "In 1h" });
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: `${clusterName}: Paused` })).toBeVisible();
    await expect(fleet.autoSyncSwitch(clusterName)).toHaveAttribute("aria-checked", "false");
    await expect(fleet.row(clusterName).getByText(/^Paused/)).toBeVisible();

    // The other tab was opened before the change and is never reloaded.
    const apps = watched.objectRow("Kustomization", "apps");
    await expect(apps.getByText("Suspended")).toBeVisible(LIVE);
    await expect(apps.getByText(`“${reason}”`)).toBeVisible(LIVE);
    await expect(apps.getByText("admin", { exact: true })).toBeVisible();
    await expect(watched.clusterAutoSync(clusterName)).toHaveAttribute("aria-checked", "false", LIVE);
    await watcher.screenshot({ path: screenshotPath("cluster-paused") });

    await watched.clusterAutoSync(clusterName).click();
    await watcher.getByRole("dialog", { name: `Resume auto-sync on ${clusterName}?` }).getByRole("button", { name: "Resume auto-sync" }).click();
    await expect(watched.clusterAutoSync(clusterName)).toHaveAttribute("aria-checked", "true", { timeout: 30_000 });
    await expect(apps.getByText("Ready")).toBeVisible(LIVE);
    await expect(fleet.autoSyncSwitch(clusterName)).toHaveAttribute("aria-checked", "true", LIVE);
    await expect(fleet.row(clusterName).getByText("On", { exact: true })).toBeVisible();
  });

  test("an object suspended with kubectl shows as suspended outside Syncline, and the fleet as paused 1 of N", async ({ page, adminPassword, sandboxCluster }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${clusterId}`);
    const cluster = new ClusterPage(page);
    const infra = cluster.objectRow("Kustomization", "infra");
    await expect(infra.getByText("Ready")).toBeVisible({ timeout: 30_000 });
    try {
      await kubectl(sandboxCluster, ["patch", "-n", "flux-system", "kustomization", "infra", "--type=merge", '--patch={"spec":{"suspend":true}}']);
      await expect(infra.getByText("Suspended")).toBeVisible(LIVE);
      await expect(infra.getByText("outside Syncline")).toBeVisible(LIVE);
      await expect(cluster.clusterAutoSync(clusterName)).toHaveAttribute("aria-checked", "false", LIVE);
      await expect(page.getByText(/^Paused 1 of \d+$/)).toBeVisible(LIVE);
      await page.screenshot({ path: screenshotPath("cluster-outside-syncline") });

      // Reconciling a suspended object is refused with a plain reason rather than silently ignored.
      await infra.getByRole("button", { name: "Reconcile Kustomization flux-system/infra" }).click();
      await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "is suspended" })).toBeVisible();
    } finally {
      await kubectl(sandboxCluster, ["patch", "-n", "flux-system", "kustomization", "infra", "--type=merge", '--patch={"spec":{"suspend":false}}']);
    }
    await expect(infra.getByText("Ready")).toBeVisible({ timeout: 30_000 });
  });

  test("a Syncline suspension still in force after its expiry is flagged as an overdue resume", async ({ page, adminPassword, sandboxCluster }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${clusterId}`);
    const infra = new ClusterPage(page).objectRow("Kustomization", "infra");
    await expect(infra.getByText("Ready")).toBeVisible({ timeout: 30_000 });
    // What an expiry whose resume keeps failing leaves on the object (the annotations Syncline writes).
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const overdue = {
      metadata: {
        annotations: {
          "syncline.io/suspended-by": "alice",
          "syncline.io/suspend-reason": "incident 4711",
          "syncline.io/suspended-at": hourAgo,
          "syncline.io/suspended-until": new Date(Date.now() - 60_000).toISOString(),
        },
      },
      spec: { suspend: true },
    };
    try {
      await kubectl(sandboxCluster, ["patch", "-n", "flux-system", "kustomization", "infra", "--type=merge", `--patch=${JSON.stringify(overdue)}`]);
      await expect(infra.getByText("resume overdue")).toBeVisible(LIVE);
      await expect(infra.getByText("alice")).toBeVisible();
      await expect(infra.getByText("outside Syncline")).toHaveCount(0);
      await page.screenshot({ path: screenshotPath("cluster-resume-overdue") });
    } finally {
      const lifted = { metadata: { annotations: Object.fromEntries(Object.keys(overdue.metadata.annotations).map((key) => [key, null])) }, spec: { suspend: false } };
      await kubectl(sandboxCluster, ["patch", "-n", "flux-system", "kustomization", "infra", "--type=merge", `--patch=${JSON.stringify(lifted)}`]);
    }
    await expect(infra.getByText("resume overdue")).toHaveCount(0, LIVE);
  });

  test("the audit trail records who paused auto-sync, why, and what happened to each object", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, "/audit");
    const audit = new AuditPage(page);
    await audit.filterByCluster(clusterName);
    await expect(page).toHaveURL(new RegExp(`cluster=${clusterId}`));
    const paused = audit.rows("autosync.disable");
    await expect(paused).toHaveCount(1);
    await expect(paused).toContainText("admin");
    await expect(paused).toContainText(reason);
    await expect(paused).toContainText("success");
    await expect(audit.rows("autosync.enable")).toHaveCount(1);
    await expect(audit.rows("cluster.add")).toHaveCount(1);

    await paused.getByRole("button", { name: "Show details" }).click();
    await expect(page.getByText("Per-object results")).toBeVisible();
    await expect(page.getByText(/Kustomization\s*flux-system\/apps/).first()).toBeVisible();
    await expect(audit.csvLink()).toHaveAttribute("href", new RegExp(`cluster=${clusterId}.*format=csv|format=csv.*cluster=${clusterId}`));
    await page.screenshot({ path: screenshotPath("audit") });
  });

  test("relabelling a cluster updates its chips, and a chip filters the fleet by that label", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${clusterId}`);
    const dialog = await new ClusterPage(page).relabel("env=staging, owner=e2e, team=platform");
    await expect(dialog).toBeHidden();
    await expect(page.getByText("team=platform")).toBeVisible();

    await page.goto("/clusters");
    const fleet = new FleetPage(page);
    await fleet.row(clusterName).getByRole("button", { name: "team=platform" }).click();
    await expect(page).toHaveURL(/label=team%3Dplatform/);
    await expect(fleet.table().getByRole("row")).toHaveCount(2);
    await expect(fleet.row(clusterName)).toBeVisible();
  });

  test("removing a cluster asks for its name to be typed, then drops it from the fleet", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${clusterId}`);
    const { dialog, confirm } = await new ClusterPage(page).remove("not-the-name");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(clusterName);
    await confirm.click();
    await expect(page).toHaveURL(/\/clusters$/);
    await expect(new FleetPage(page).row(clusterName)).toHaveCount(0);
    clusterId = "";
  });

  // Shared sandbox clusters must be left as they were found, even when a test above failed.
  test.afterAll(async () => {
    if (!clusterId) return;
    const { baseURL, adminPassword } = readAppState();
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    await api.post("/api/auth/sign-in", { data: { name: "admin", password: adminPassword } });
    await api.put(`/api/clusters/${clusterId}/auto-sync`, { data: { enabled: true } });
    await api.delete(`/api/clusters/${clusterId}`);
    await api.dispose();
  });
});
