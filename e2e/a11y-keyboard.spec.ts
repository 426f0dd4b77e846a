import { ClusterPage } from "./pages/cluster-page";
import { FleetPage } from "./pages/fleet-page";
import { Shell } from "./pages/shell";
import { signInAsAdmin } from "./pages/sign-in-page";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// What a keyboard (or touch) user meets that axe cannot see: where focus lands, what covers what,
// and whether text shown only on hover can be reached at all.
test.describe.configure({ mode: "serial" });

const clusterName = `keys-${Date.now().toString(36)}`;
let cluster: RegisteredCluster | undefined;

test.describe("keyboard and touch", () => {
  test.beforeAll(async ({ sandboxCluster }) => {
    cluster = await registerCluster(sandboxCluster, clusterName, { env: "staging" });
  });

  test.afterAll(async () => {
    await cluster?.remove();
  });

  test("a dialog opens on its first field: pausing on the reason, adding a cluster on the kubeconfig, not on ×", async ({ page, adminPassword }) => {
    const fleet = new FleetPage(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    await fleet.autoSyncSwitch(clusterName).click();
    const pause = page.getByRole("dialog");
    await expect(pause.getByRole("textbox", { name: /^Reason/ })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(pause).toBeHidden();
    await expect(fleet.autoSyncSwitch(clusterName)).toHaveAttribute("aria-checked", "true");

    await fleet.addClusterButton().click();
    await expect(page.getByRole("dialog", { name: "Add cluster" }).getByLabel("Kubeconfig")).toBeFocused();
  });

  test("a dialog without fields opens on Cancel, never on the action it asks about", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, "/users");
    await page.getByRole("button", { name: "Reset password for admin" }).click();
    await expect(page.getByRole("dialog").getByRole("button", { name: "Cancel" })).toBeFocused();
  });

  test("the skip link appears only when focused, and then does not cover the logo", async ({ page, adminPassword }) => {
    const shell = new Shell(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    const logo = page.getByRole("link", { name: "Syncline" }).filter({ visible: true });
    expect((await shell.skipLink().boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);

    await shell.skipLink().focus();
    await expect(shell.skipLink()).toBeInViewport({ ratio: 1 });
    const skip = (await shell.skipLink().boundingBox())!;
    const brand = (await logo.boundingBox())!;
    const overlaps = skip.x < brand.x + brand.width && brand.x < skip.x + skip.width && skip.y < brand.y + brand.height && brand.y < skip.y + skip.height;
    expect(overlaps, `skip link at ${JSON.stringify(skip)}, logo at ${JSON.stringify(brand)}`).toBe(false);
  });

  test("a revision's full value is shown by pressing it, not only on hover", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}`);
    const apps = new ClusterPage(page).objectRow("Kustomization", "apps");
    const revision = apps.getByRole("button", { name: /^main@[0-9a-f]{7}/ });
    await expect(revision).toBeVisible({ timeout: 30_000 });
    await revision.focus();
    await page.keyboard.press("Enter");
    await expect(apps.getByText(/^main@sha1:[0-9a-f]{40}$/)).toBeVisible();
  });
});
