import type { Locator } from "@playwright/test";
import { ClusterPage } from "./pages/cluster-page";
import { FleetPage } from "./pages/fleet-page";
import { signInAsAdmin } from "./pages/sign-in-page";
import { cutOffText } from "./world/overflow";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// A phone held upright, with touch: the size the "phone" project runs the main specs at.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.describe.configure({ mode: "serial" });

const clusterName = `phone-${Date.now().toString(36)}`;
let cluster: RegisteredCluster | undefined;

/** Fully on screen from left to right, without scrolling sideways. */
async function expectAcrossTheScreen(element: Locator, what: string) {
  await expect(element, what).toBeVisible();
  const box = (await element.boundingBox())!;
  expect(box.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends on screen`).toBeLessThanOrEqual(390);
}

/** Nothing on the page scrolls sideways: not the page, nor any container in it. */
async function expectNoSidewaysScroll(root: Locator) {
  const wide = await root.evaluate((element) =>
    [element, ...element.querySelectorAll<HTMLElement>("*")]
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().split(" ").slice(0, 3).join(".")}: ${el.scrollWidth}px in ${el.clientWidth}px`),
  );
  expect(wide).toEqual([]);
}

test.describe("on a phone (390×844)", () => {
  test.beforeAll(async ({ sandboxCluster }) => {
    cluster = await registerCluster(sandboxCluster, clusterName, { env: "staging", team: "platform" });
    await cluster.pause("INC-2041: database failover");
  });

  test.afterAll(async () => {
    await cluster?.remove();
  });

  test("each cluster of the fleet shows its name, health, auto-sync switch, objects and last apply without scrolling sideways", async ({ page, adminPassword }) => {
    const fleet = new FleetPage(page);
    await signInAsAdmin(page, adminPassword, "/clusters");
    const row = fleet.row(clusterName);
    await expect(row.getByText("Connected")).toBeVisible({ timeout: 30_000 });
    await expectAcrossTheScreen(row.getByRole("link", { name: clusterName, exact: true }), "the cluster's name");
    await expectAcrossTheScreen(row.getByText("Connected"), "its health");
    await expectAcrossTheScreen(fleet.autoSyncSwitch(clusterName), "its auto-sync switch");
    await expectAcrossTheScreen(row.getByRole("img", { name: /objects$/ }), "its objects");
    await expectAcrossTheScreen(row.getByText(/ago$|just now/).last(), "when it last applied");
    await expectNoSidewaysScroll(page.locator("body"));
    expect(await cutOffText(row)).toEqual([]);
  });

  test("a cluster's objects are cards whose kind, name, state and auto-sync fit the screen, and its facts stay inside their box", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}`);
    const objects = new ClusterPage(page);
    const apps = objects.objectRow("Kustomization", "apps");
    await expect(apps.getByText("Suspended")).toBeVisible({ timeout: 30_000 });
    await apps.evaluate((row) => row.scrollIntoView({ block: "center", inline: "nearest" }));
    await expectAcrossTheScreen(apps.getByText("Kustomization", { exact: true }), "the kind");
    await expectAcrossTheScreen(apps.getByRole("link", { name: /apps$/ }), "the namespace and name");
    await expectAcrossTheScreen(apps.getByText("Suspended", { exact: true }), "the state");
    await expectAcrossTheScreen(apps.getByRole("switch"), "the auto-sync switch");
    await expectNoSidewaysScroll(page.locator("body"));
    for (const card of await objects.objectsTable().getByRole("row").filter({ has: page.getByRole("link") }).all()) expect(await cutOffText(card)).toEqual([]);
    expect(await cutOffText(page.locator("main dl").first())).toEqual([]);
  });
});
