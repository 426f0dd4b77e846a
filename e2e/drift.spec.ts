import { kubectl, kubectlJson } from "./sandbox";
import { ClusterPage } from "./pages/cluster-page";
import { DriftPage } from "./pages/drift-page";
import { FleetPage } from "./pages/fleet-page";
import { Shell } from "./pages/shell";
import { signInAsAdmin } from "./pages/sign-in-page";
import { expectAccessible } from "./world/accessibility";
import { cutOffText } from "./world/overflow";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// A cluster paused for an incident, then changed by hand with kubectl: the drift page shows the
// change down to the field, with who made it, and the resume preview lists it before Flux reverts it.
test.describe.configure({ mode: "serial" });

const clusterName = `drift-${Date.now().toString(36)}`;
const NAMESPACE = "staging";
let cluster: RegisteredCluster | undefined;
let desiredReplicas = 1;
let handReplicas = 5;
let desiredMessage = "";
const handMessage = "Checkout is down for maintenance, back soon";

// A recompute runs flux build and a dry run per object on the leader: seconds, on a busy machine more.
const RECOMPUTE_TIMEOUT = 90_000;

test.describe("drift: a hand change on a paused cluster, down to the field", () => {
  test.beforeAll(async ({ sandboxCluster }) => {
    cluster = await registerCluster(sandboxCluster, clusterName, { env: "staging", team: "platform" });
    await cluster.pause("INC-2107: checkout latency, scaling web by hand");
    const web = await kubectlJson<{ spec: { replicas: number } }>(sandboxCluster, ["get", "deployment", "web", "-n", NAMESPACE]);
    desiredReplicas = web.spec.replicas;
    handReplicas = desiredReplicas + 4;
    await kubectl(sandboxCluster, ["scale", "deployment", "web", "-n", NAMESPACE, `--replicas=${handReplicas}`]);
    const config = await kubectlJson<{ data: Record<string, string> }>(sandboxCluster, ["get", "configmap", "web-config", "-n", NAMESPACE]);
    desiredMessage = config.data.PODINFO_UI_MESSAGE!;
    await kubectl(sandboxCluster, ["patch", "configmap", "web-config", "-n", NAMESPACE, "--type=merge", "-p", JSON.stringify({ data: { PODINFO_UI_MESSAGE: handMessage } })]);
  });

  test.afterAll(async ({ sandboxCluster }) => {
    // Back to what Git says, so the specs after this one meet a sandbox without drift.
    await kubectl(sandboxCluster, ["scale", "deployment", "web", "-n", NAMESPACE, `--replicas=${desiredReplicas}`]).catch(() => undefined);
    const restore = JSON.stringify({ data: { PODINFO_UI_MESSAGE: desiredMessage } });
    await kubectl(sandboxCluster, ["patch", "configmap", "web-config", "-n", NAMESPACE, "--type=merge", "-p", restore]).catch(() => undefined);
    await cluster?.remove();
  });

  test("the drift page shows the scaled Deployment's spec.replicas, desired against live, written by kubectl", async ({ page, adminPassword }) => {
    const drift = new DriftPage(page);
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}/drift`);
    await new Shell(page).chooseTheme("Light theme");
    await drift.refreshButton().click();
    const web = drift.object("Deployment", `${NAMESPACE}/web`);
    await expect(web, "the scaled Deployment is listed once drift is recomputed").toBeVisible({ timeout: RECOMPUTE_TIMEOUT });
    await expect(web.getByText("hand change", { exact: true }).first()).toBeVisible();
    await expect(drift.headline()).toContainText(/\d+ of \d+ drifted/);
    await expect(drift.headline()).toContainText("hand change");

    await drift.expand("Deployment", `${NAMESPACE}/web`);
    const replicas = drift.field("Deployment", `${NAMESPACE}/web`, "spec.replicas");
    await expect(replicas.getByRole("cell")).toHaveText([
      "spec.replicas",
      String(desiredReplicas),
      String(handReplicas),
      // kubectl scale writes through the scale subresource, as manager "kubectl" (older: "kubectl-scale").
      /^kubectl(-scale)?\s*Update.*hand change$/,
    ]);
    await expect(web.getByRole("button", { name: /^Copy the command that fixes Deployment/ })).toBeVisible();

    const message = drift.field("ConfigMap", `${NAMESPACE}/web-config`, "data.PODINFO_UI_MESSAGE");
    await drift.expand("ConfigMap", `${NAMESPACE}/web-config`);
    await expect(message.getByRole("cell")).toHaveText(["data.PODINFO_UI_MESSAGE", desiredMessage, handMessage, /^kubectl-patch\s*Update at .*hand change$/]);

    // The revision pipeline names the paused step, and the history records the drift as open.
    await expect(drift.revisions("Kustomization", "flux-system", "apps")).toBeVisible();
    await expect(page.getByText(/^paused at /).first()).toBeVisible();
    await expect(drift.historyRow(clusterName, "Deployment", `${NAMESPACE}/web`).getByText("still drifted")).toBeVisible({ timeout: 30_000 });
    expect(await cutOffText(page.getByTestId("drifted-object").first())).toEqual([]);
    // The README's picture: the report settled, from the top of the page.
    await expect(drift.refreshButton()).toHaveText("Refresh", { timeout: RECOMPUTE_TIMEOUT });
    await page.evaluate(() => document.querySelectorAll("*").forEach((element) => element.scrollTo(0, 0)));
    await page.screenshot({ path: "docs/screenshots/drift.png" });
  });

  test("the fleet and the cluster page say how many objects drifted, and link to the drift page", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, "/clusters");
    const row = new FleetPage(page).row(clusterName);
    await expect(row.getByText(/\d+ of \d+ drifted/)).toBeVisible({ timeout: 30_000 });
    await expect(row.getByText(/computed|computing/)).toBeVisible();
    // The drift column leaves every column on a desktop's screen, without scrolling sideways.
    const fleetBox = await new FleetPage(page).table().evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    expect(fleetBox, "the fleet table overflows its box").toBeLessThanOrEqual(0);
    expect(await cutOffText(row)).toEqual([]);
    await page.goto(`/clusters/${cluster!.id}`);
    const panel = page.getByRole("region", { name: "Drift" });
    await expect(panel.getByText(/\d+ of \d+ drifted/)).toBeVisible({ timeout: 30_000 });
    await panel.getByRole("link", { name: "Open drift" }).click();
    await expect(page).toHaveURL(new RegExp(`/clusters/${cluster!.id}/drift$`));
  });

  test("an object's drift page shows the field diff, both sides in YAML, and the object's drift history", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}/drift/Deployment/${NAMESPACE}/web`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("web");
    const replicas = page.getByRole("table", { name: `Fields of Deployment ${NAMESPACE}/web that differ from Git` }).getByRole("row").filter({ hasText: "spec.replicas" });
    await expect(replicas.getByText(/^kubectl(-scale)?$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("region", { name: "Desired (Git)" })).toContainText(`replicas: ${desiredReplicas}`);
    await expect(page.getByRole("region", { name: "Live (cluster)" })).toContainText(`replicas: ${handReplicas}`);
    await expect(page.getByRole("table", { name: `Drift history of Deployment ${NAMESPACE}/web` }).getByText("still drifted")).toBeVisible();
  });

  test("the drift page with its diffs open, and an object's drift page, pass axe in both themes", async ({ page, adminPassword }) => {
    const drift = new DriftPage(page);
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}/drift`);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await drift.goto(cluster!.id);
      await drift.expand("Deployment", `${NAMESPACE}/web`);
      await expect(drift.field("Deployment", `${NAMESPACE}/web`, "spec.replicas")).toBeVisible({ timeout: 30_000 });
      await expect(drift.history(clusterName)).toBeVisible();
      await expectAccessible(page, `the drift page (${theme})`);
      await page.goto(`/clusters/${cluster!.id}/drift/Deployment/${NAMESPACE}/web`);
      await expect(page.getByRole("region", { name: "Live (cluster)" })).toContainText(`replicas: ${handReplicas}`, { timeout: 30_000 });
      await expectAccessible(page, `an object's drift page (${theme})`);
    }
  });

  test("on a phone, the drift page's diff fits the screen without scrolling sideways", async ({ browser, adminPassword, baseURL }) => {
    const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    const drift = new DriftPage(page);
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}/drift`);
    await drift.expand("Deployment", `${NAMESPACE}/web`);
    await expect(drift.field("Deployment", `${NAMESPACE}/web`, "spec.replicas")).toBeVisible({ timeout: 30_000 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("main *")]
        .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1 && el.tagName !== "PRE")
        .map((el) => `${el.tagName.toLowerCase()}: ${el.scrollWidth}px in ${el.clientWidth}px`),
    );
    expect(wide).toEqual([]);
    expect(await cutOffText(drift.object("Deployment", `${NAMESPACE}/web`))).toEqual([]);
    await phone.close();
  });

  test("the resume preview, opened from the switch, lists the hand change it will revert", async ({ page, adminPassword }) => {
    await signInAsAdmin(page, adminPassword, `/clusters/${cluster!.id}`);
    await new Shell(page).chooseTheme("Light theme");
    const clusterPage = new ClusterPage(page);
    await expect(clusterPage.clusterAutoSync(clusterName)).toHaveAttribute("aria-checked", "false", { timeout: 30_000 });
    await clusterPage.clusterAutoSync(clusterName).click();
    const dialog = page.getByRole("dialog", { name: `Resume auto-sync on ${clusterName}?` });
    await expect(dialog.getByTestId("resume-drift-headline")).toHaveText(/^Resuming will revert 2 hand changes on 2 objects/);
    const changes = dialog.getByRole("region", { name: "Changes Flux will revert" });
    const web = changes.getByRole("listitem").filter({ hasText: `Deployment ${NAMESPACE}/web` });
    await expect(web.getByText("spec.replicas", { exact: true })).toBeVisible();
    await expect(web.getByText(/^kubectl(-scale)?$/)).toBeVisible();
    const config = changes.getByRole("listitem").filter({ hasText: `ConfigMap ${NAMESPACE}/web-config` });
    await expect(config.getByText("data.PODINFO_UI_MESSAGE", { exact: true })).toBeVisible();
    await expect(config.getByText("kubectl-patch", { exact: true })).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/resume-dialog.png" });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });
});
