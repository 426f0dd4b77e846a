import { ClusterPage } from "./pages/cluster-page";
import { FleetPage } from "./pages/fleet-page";
import { Shell } from "./pages/shell";
import { signInAsAdmin } from "./pages/sign-in-page";
import { AuditPage } from "./pages/audit-page";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// The README's screenshots, retaken on every run with the machine's real fonts: a fleet of two
// sandbox clusters, one of them paused for an incident. The users and settings specs take theirs.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36).slice(-4);
const staging = `staging-eu-${suffix}`;
const production = `production-us-${suffix}`;
const reason = "INC-2041: database failover in progress, hold every rollout";
const clusters: RegisteredCluster[] = [];

test.describe("README screenshots", () => {
  test.beforeAll(async ({ world }) => {
    const [first, second] = world.world.clusters;
    clusters.push(await registerCluster(first!, staging, { env: "staging", region: "eu-west-1", team: "platform" }));
    clusters.push(await registerCluster(second ?? first!, production, { env: "production", region: "us-east-1", team: "platform" }));
    await clusters[1]!.pause(reason);
  });

  test.afterAll(async () => {
    for (const cluster of clusters) await cluster.remove();
  });

  test("the fleet, a paused cluster and the audit trail, on a desktop and on a phone", async ({ page, browser, adminPassword }) => {
    const fleet = new FleetPage(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    await new Shell(page).chooseTheme("Light theme");
    for (const name of [staging, production]) await expect(fleet.row(name).getByText("Connected")).toBeVisible({ timeout: 30_000 });
    // Each cluster's drift, once the leader has computed it (flux build and a dry run per object).
    for (const name of [staging, production]) await expect(fleet.row(name).getByText(/^computed /)).toBeVisible({ timeout: 90_000 });
    await expect(fleet.autoSyncSwitch(production)).toHaveAttribute("aria-checked", "false");
    await page.screenshot({ path: "docs/screenshots/fleet.png" });

    await page.goto(`/clusters/${clusters[1]!.id}`);
    const cluster = new ClusterPage(page);
    await expect(cluster.objectRow("Kustomization", "apps").getByText("Suspended")).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: "docs/screenshots/cluster.png" });

    const audit = new AuditPage(page);
    await audit.goto();
    await audit.filterByCluster(production);
    await expect(audit.rows("autosync.disable")).toHaveCount(1);
    await audit.rows("autosync.disable").first().getByRole("button", { name: "Show details" }).click();
    await expect(page.getByText("Per-object results")).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/audit.png" });

    const phone = await browser.newContext({ baseURL: new URL(page.url()).origin, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    await signInAsAdmin(phonePage, adminPassword, "/clusters");
    await new Shell(phonePage).menuButton().click();
    await new Shell(phonePage).chooseTheme("Light theme");
    await new Shell(phonePage).menuButton().click();
    await expect(new FleetPage(phonePage).row(production).getByText("Connected")).toBeVisible({ timeout: 30_000 });
    await phonePage.screenshot({ path: "docs/screenshots/fleet-phone.png" });
    await phone.close();
  });
});
