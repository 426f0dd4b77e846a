import { AuditPage } from "./pages/audit-page";
import { ClusterPage } from "./pages/cluster-page";
import { FleetPage } from "./pages/fleet-page";
import { signInAsAdmin } from "./pages/sign-in-page";
import { clippedPlaceholders, cutOffText } from "./world/overflow";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// Rendered with the machine's real fonts (DejaVu Sans here), which are wider than the ones the
// columns were once tuned to: nothing a user needs to read may be cut off.
test.describe.configure({ mode: "serial" });

const clusterName = `layout-${Date.now().toString(36)}`;
let cluster: RegisteredCluster | undefined;

test.describe("tables fit their content", () => {
  test.beforeAll(async ({ sandboxCluster }) => {
    cluster = await registerCluster(sandboxCluster, clusterName, { env: "staging", "owner.example.com/team": "platform-engineering" });
  });

  test.afterAll(async () => {
    await cluster?.remove();
  });

  test("no state pill, kind, name or namespace is cut off on the fleet, a cluster or the audit trail, nor any search placeholder", async ({ page, adminPassword }) => {
    const fleet = new FleetPage(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    await expect(fleet.row(clusterName).getByText("Connected")).toBeVisible({ timeout: 30_000 });
    expect(await cutOffText(fleet.table())).toEqual([]);
    expect(await clippedPlaceholders(page)).toEqual([]);

    await cluster!.pause("INC-2041: database failover, hold every rollout until the DBA signs off");
    await expect(fleet.autoSyncSwitch(clusterName)).toHaveAttribute("aria-checked", "false", { timeout: 30_000 });
    expect(await cutOffText(fleet.table())).toEqual([]);

    await page.goto(`/clusters/${cluster!.id}`);
    const objects = new ClusterPage(page);
    await expect(objects.objectRow("Kustomization", "apps").getByText("Suspended")).toBeVisible({ timeout: 30_000 });
    expect(await cutOffText(objects.objectsTable())).toEqual([]);
    expect(await clippedPlaceholders(page)).toEqual([]);
    // On a desktop every column, the switch included, is on screen without scrolling sideways.
    const sideways = await page.evaluate(() => [...document.querySelectorAll("table")].map((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth));
    expect(sideways.every((overflow) => overflow <= 0), `tables overflow their box by ${sideways.join(", ")} px`).toBe(true);

    const audit = new AuditPage(page);
    await audit.goto();
    await audit.filterByCluster(clusterName);
    await expect(audit.rows("autosync.disable")).toHaveCount(1);
    expect(await cutOffText(audit.table())).toEqual([]);
  });

  test("the fleet says how many clusters it has once, and a short list stays short", async ({ page, adminPassword }) => {
    const fleet = new FleetPage(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    await expect(fleet.row(clusterName)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/^\d+ clusters?$/).filter({ visible: true })).toHaveCount(1);

    // The bordered box around the table ends just below its last row, with no empty area.
    const box = (await fleet.table().locator("xpath=ancestor::div[contains(@class, 'rounded-lg')][1]").boundingBox())!;
    const rows = await fleet.table().getByRole("row").evaluateAll((all) => Math.max(...all.map((row) => row.getBoundingClientRect().bottom)));
    expect(box.y + box.height - rows).toBeLessThan(48);
  });
});
