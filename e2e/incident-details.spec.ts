import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { parse } from "yaml";
import { kubectl, kubectlJson } from "./sandbox";
import { ClusterPage } from "./pages/cluster-page";
import { FleetPage } from "./pages/fleet-page";
import { ObjectPage } from "./pages/object-page";
import { signInAsAdmin } from "./pages/sign-in-page";
import { screenshotPath } from "./world/fixtures";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// Absolute times are shown in the browser's zone, with its name.
test.use({ timezoneId: "Europe/Berlin" });

const reason = "INC-2041: payments database failover in eu-west-1; hold every deploy until the DBA team confirms replication has caught up";
// "Tue 1 Dec, 21:30 CET": weekday, day, month, time and the zone's name.
const ABSOLUTE = /[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d CE(S)?T/;
let cluster: RegisteredCluster;

test.beforeAll(async ({ sandboxCluster }) => {
  cluster = await registerCluster(sandboxCluster, `incident-${Date.now().toString(36)}`, {});
  await cluster.pause(reason);
});

test.afterAll(async () => {
  await cluster?.remove();
});

async function openCluster(page: Page, adminPassword: string) {
  await signInAsAdmin(page, adminPassword, `/clusters/${cluster.id}`);
  const view = new ClusterPage(page);
  await expect(view.objectsTable()).toBeVisible({ timeout: 30_000 });
  return view;
}

/** WCAG contrast ratio between two computed CSS colours ("rgb(…)" or "rgba(…)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test.describe("who paused a cluster, why and until when, where the switch is", () => {
  test("the fleet row names who paused and for how long, and opens the full reason with the exact end by keyboard", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, "/clusters");
    const fleet = new FleetPage(page);
    const row = fleet.row(cluster.name);
    await expect(fleet.autoSyncSwitch(cluster.name)).toHaveAttribute("aria-checked", "false", { timeout: 30_000 });
    const summary = row.getByRole("button", { name: /INC-2041/ });
    await expect(summary).toContainText("admin");
    await expect(summary).toContainText(/in (\d+m|1h)/);

    await summary.focus();
    await page.keyboard.press("Enter");
    const details = page.locator("[popover]:popover-open");
    await expect(details).toContainText(reason);
    await expect(details).toContainText(/By admin, (\d+ seconds?|\d+ minutes?) ago · /);
    await expect(details).toContainText(new RegExp(`Resumes in (1 hour|\\d+ minutes) · ${ABSOLUTE.source}`));
    await page.screenshot({ path: screenshotPath("fleet-pause-details") });
    await page.keyboard.press("Escape");
    await expect(details).toHaveCount(0);
  });

  test("the cluster header shows the whole reason, who paused and when it resumes, in the browser's zone", async ({ page, adminPassword }) => {
    await openCluster(page, adminPassword);
    const notice = page.getByRole("region", { name: "Pause" });
    await expect(notice).toContainText("Auto-sync paused");
    await expect(notice.getByText(reason, { exact: true })).toBeVisible();
    await expect(notice).toContainText("By admin");
    await expect(notice).toContainText(new RegExp(`Resumes in (1 hour|\\d+ minutes) · ${ABSOLUTE.source}`));
    // Wrapped, not cut: the reason's box is as wide as its text needs.
    const clipped = await notice.getByText(reason, { exact: true }).evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(clipped).toBe(false);
    await page.screenshot({ path: screenshotPath("cluster-pause-header") });
  });
});

test.describe("small things that cost trust", () => {
  test("the More actions button is labelled and its border stands out from the page at 3:1 or more", async ({ page, adminPassword }) => {
    const view = await openCluster(page, adminPassword);
    const button = view.moreActions();
    await expect(button).toHaveText("More");
    const [border, background] = await button.evaluate((element) => {
      let behind: Element | null = element.parentElement;
      while (behind && getComputedStyle(behind).backgroundColor.match(/rgba\(.*, 0\)$|transparent/)) behind = behind.parentElement;
      return [getComputedStyle(element).borderTopColor, getComputedStyle(behind ?? document.body).backgroundColor];
    });
    expect(contrast(border, background)).toBeGreaterThanOrEqual(3);
  });

  test("a pasted kubeconfig shows its token masked until asked, and the real one is what registers", async ({ page, adminPassword, world }) => {
    // The second sandbox cluster: the first is registered already, and a second registration of a server is refused.
    const kubeconfig = readFileSync(world.world.clusters[1]!.kubeconfig, "utf8");
    const token = (parse(kubeconfig) as { users: Array<{ user: { token: string } }> }).users[0]!.user.token;
    await signInAsAdmin(page, adminPassword, "/clusters");
    const fleet = new FleetPage(page);
    await fleet.addClusterButton().click();
    const dialog = page.getByRole("dialog", { name: "Add cluster" });
    const field = dialog.getByLabel("Kubeconfig");
    await field.fill(kubeconfig);
    await expect(field).not.toHaveValue(new RegExp(token));
    await expect(field).toHaveValue(/token: •+/);
    await expect(dialog).not.toContainText(token);
    await page.screenshot({ path: screenshotPath("add-cluster-masked") });

    await dialog.getByRole("button", { name: "Show secrets" }).click();
    await expect(field).toHaveValue(new RegExp(token));
    await dialog.getByRole("button", { name: "Hide secrets" }).click();
    await expect(field).not.toHaveValue(new RegExp(token));

    const name = `masked-${Date.now().toString(36)}`;
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Add cluster" }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(fleet.row(name).getByText("Connected")).toBeVisible({ timeout: 30_000 });
    const id = (await fleet.row(name).getByRole("link", { name, exact: true }).getAttribute("href"))!.split("/").pop()!;
    await page.request.delete(`/api/clusters/${id}`, { headers: { origin: new URL(page.url()).origin } });
  });

  test("a cluster's kubeconfig is replaced from the edit dialog; one for another server needs to be confirmed", async ({ page, adminPassword, world }) => {
    const [first, second] = world.world.clusters;
    const view = await openCluster(page, adminPassword);
    await expect(page.getByText("· token")).toBeVisible();

    let dialog = await view.openEditDialog();
    await dialog.getByLabel("New kubeconfig (optional)").fill(readFileSync(second!.kubeconfig, "utf8"));
    await expect(dialog).toContainText(`This kubeconfig is for ${second!.server}`);
    const save = dialog.getByRole("button", { name: "Save" });
    await expect(save).toBeDisabled();
    await dialog.getByLabel("This is a different API server: the cluster moved").check();
    await expect(save).toBeEnabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    dialog = await view.openEditDialog();
    await dialog.getByLabel("New kubeconfig (optional)").fill(readFileSync(first!.certKubeconfig, "utf8"));
    await expect(dialog.getByLabel("New kubeconfig (optional)")).toHaveValue(/client-key-data: •+/);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByText("· client-certificate")).toBeVisible();
    await expect(page.getByText("Connected")).toBeVisible({ timeout: 30_000 });
  });

  test("Degraded says why in the fleet row and in the cluster header, not only in a tooltip", async ({ page, adminPassword, sandboxCluster }) => {
    const stuck = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "notification-controller", namespace: "flux-system", labels: { "app.kubernetes.io/part-of": "flux" } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "notification-controller" } },
        template: { metadata: { labels: { app: "notification-controller" } }, spec: { containers: [{ name: "manager", image: "ghcr.io/fluxcd/notification-controller:v1.7.0" }] } },
      },
    };
    const why = "Flux controllers not ready: notification-controller";
    try {
      await kubectl(sandboxCluster, ["apply", "-f", "-"], { input: JSON.stringify(stuck) });
      await signInAsAdmin(page, adminPassword, "/clusters");
      const row = new FleetPage(page).row(cluster.name);
      await expect(row.getByText("Degraded")).toBeVisible({ timeout: 60_000 });
      await expect(row.getByRole("button", { name: why })).toBeVisible();
      await page.screenshot({ path: screenshotPath("fleet-degraded") });
      await row.getByRole("link", { name: cluster.name, exact: true }).click();
      await expect(page.getByText(why, { exact: true })).toBeVisible({ timeout: 30_000 });
    } finally {
      await kubectl(sandboxCluster, ["delete", "deployment", "-n", "flux-system", "notification-controller", "--ignore-not-found", "--wait=false"]);
    }
  });
});

test.describe("the object page", () => {
  test("lists the objects a Kustomization manages, with kind, namespace and name, from its inventory", async ({ page, adminPassword, sandboxCluster }) => {
    const infra = await kubectlJson<{ status: { inventory: { entries: Array<{ id: string }> } } }>(sandboxCluster, ["get", "-n", "flux-system", "kustomization", "infra"]);
    const entries = infra.status.inventory.entries.map(({ id }) => id.split("_"));
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster.id}/objects/Kustomization/flux-system/infra`);
    const table = new ObjectPage(page).managedObjects("Kustomization");
    await expect(table.getByRole("row")).toHaveCount(entries.length + 1, { timeout: 30_000 });
    for (const [namespace, name, , kind] of entries) {
      const cell = (text: string) => page.getByRole("cell", { name: text, exact: true });
      await expect(table.getByRole("row").filter({ has: cell(kind!) }).filter({ has: cell(name!) }).filter({ has: cell(namespace || "cluster-wide") })).toHaveCount(1);
    }
    await page.screenshot({ path: screenshotPath("object-managed-objects"), fullPage: true });
  });

  test("says plainly when a HelmRelease reports no objects", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster.id}/objects/HelmRelease/flux-system/podinfo`);
    await expect(page.getByRole("region", { name: "Managed objects" })).toContainText("This release reports no objects", { timeout: 30_000 });
  });

  test("collapses repeats of an event into one line with the summed count and the last time", async ({ page, adminPassword, sandboxCluster }) => {
    const message = `Applied revision e2e-${Date.now().toString(36)}`;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const event = (suffix: string, count: number, first: number, last: number) => ({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `infra.e2e-${suffix}-${Date.now().toString(36)}`, namespace: "flux-system" },
      involvedObject: { apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", name: "infra", namespace: "flux-system" },
      type: "Normal",
      reason: "ReconciliationSucceeded",
      message,
      count,
      firstTimestamp: at(first),
      lastTimestamp: at(last),
      source: { component: "kustomize-controller" },
    });
    await kubectl(sandboxCluster, ["create", "-f", "-"], { input: JSON.stringify({ apiVersion: "v1", kind: "List", items: [event("a", 5, 60, 30), event("b", 9, 20, 2)] }) });
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster.id}/objects/Kustomization/flux-system/infra`);
    const events = new ObjectPage(page).events().getByRole("listitem").filter({ hasText: message });
    await expect(async () => {
      await page.reload();
      await expect(events).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(events).toContainText("ReconciliationSucceeded ×14");
    await expect(events).toContainText("last 2 minutes ago, first about 1 hour ago");
  });
});
