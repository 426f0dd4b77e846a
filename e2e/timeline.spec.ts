import type { Browser, Page } from "@playwright/test";
import { DeploymentsPage } from "./pages/deployments-page";
import { Shell } from "./pages/shell";
import { signInAsAdmin } from "./pages/sign-in-page";
import { TimelinePage } from "./pages/timeline-page";
import { commitChange, getObject, gitRevision, kubectl, requestReconcile, type SandboxCluster } from "./sandbox";
import { expectAccessible } from "./world/accessibility";
import { screenshotPath } from "./world/fixtures";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";
import { largeTimeline } from "./world/timeline-fixture";

// Commit to cluster, as a user reads it: a commit by Zoë pushed to the sandbox's Git server and
// applied by the real Flux controllers on two clusters shows on the repository's timeline, with
// when it was applied and how long it took, and on the deployments list with who wrote it.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
/** The spec's own branch and Flux objects, so its commits never move main, which other specs follow. */
const BRANCH = `e2e-timeline-${suffix}`;
const PROBE = { namespace: "flux-system", name: `e2e-timeline-${suffix}` };
const PROBE_DIR = `e2e-timeline-${suffix}`;
const zoe = { name: "Zoë Ångström", email: "zoe.angstrom@acme-shop.io" };
const alice = { name: "Alice Martin", email: "alice.martin@acme-shop.io" };
const subject = `timeline e2e ${suffix}: raise the probe's value`;
const staging = `tl-staging-${suffix}`;
const production = `tl-production-${suffix}`;
const registered: RegisteredCluster[] = [];
let sandboxClusters: SandboxCluster[] = [];
let repoUrl = "";
let repositoryId = "";

// Flux fetches, then applies; Syncline records both and builds the deployment on its leader.
const ARRIVAL_TIMEOUT = 120_000;

function probeFiles(value: string): Record<string, string> {
  return { [`${PROBE_DIR}/configmap.yaml`]: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${PROBE.name}\ndata:\n  value: ${JSON.stringify(value)}\n` };
}

async function applyProbe(cluster: SandboxCluster): Promise<void> {
  const manifests = [
    { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", metadata: PROBE, spec: { interval: "5s", timeout: "20s", url: repoUrl, ref: { branch: BRANCH } } },
    {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: PROBE,
      spec: { interval: "10m", path: `./${PROBE_DIR}`, prune: true, wait: false, timeout: "1m", targetNamespace: "default", sourceRef: { kind: "GitRepository", name: PROBE.name } },
    },
  ];
  for (const manifest of manifests) await kubectl(cluster, ["apply", "--server-side", "--field-manager=sandbox", "-f", "-"], { input: JSON.stringify(manifest) });
}

async function applied(cluster: SandboxCluster, sha: string): Promise<void> {
  await requestReconcile(cluster, { kind: "GitRepository", ...PROBE });
  await expect
    .poll(async () => (await getObject<{ status?: { lastAppliedRevision?: string } }>(cluster, { kind: "Kustomization", ...PROBE })).status?.lastAppliedRevision, {
      message: `${cluster.name} applies ${sha}`,
      timeout: ARRIVAL_TIMEOUT,
    })
    .toBe(gitRevision(sha, BRANCH));
}

async function openPhone(browser: Browser, baseURL: string | undefined, adminPassword: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAsAdmin(page, adminPassword, path);
  return page;
}

test.describe("timeline and deployments: a commit by Zoë, applied on two clusters", () => {
  test.beforeAll(async ({ world }) => {
    test.setTimeout(6 * 60_000);
    const [first, second] = world.world.clusters;
    sandboxClusters = [first!, second ?? first!];
    repoUrl = world.world.git.repos[0]!;
    registered.push(await registerCluster(sandboxClusters[0]!, staging, { env: "staging", team: "platform" }));
    registered.push(await registerCluster(sandboxClusters[1]!, production, { env: "production", team: "platform" }));
    const base = await commitChange(world.world, { author: alice, message: `timeline e2e ${suffix}: add the probe`, files: probeFiles("1"), branch: BRANCH });
    for (const cluster of sandboxClusters) await applyProbe(cluster);
    for (const cluster of sandboxClusters) await applied(cluster, base);
    const sha = await commitChange(world.world, { author: zoe, message: subject, files: probeFiles("2"), branch: BRANCH });
    for (const cluster of sandboxClusters) await applied(cluster, sha);
  });

  test.afterAll(async () => {
    for (const cluster of new Set(sandboxClusters)) {
      await kubectl(cluster, ["delete", "-n", PROBE.namespace, "kustomization", PROBE.name, "--ignore-not-found", "--wait=false"]).catch(() => undefined);
      await kubectl(cluster, ["delete", "-n", PROBE.namespace, "gitrepository", PROBE.name, "--ignore-not-found", "--wait=false"]).catch(() => undefined);
    }
    for (const cluster of registered) await cluster.remove();
  });

  test("the timeline lists the repository, and shows Zoë's commit applied on both clusters with its lead time", async ({ page, adminPassword }) => {
    const timeline = new TimelinePage(page);
    await signInAsAdmin(page, adminPassword, "/timeline");
    await new Shell(page).chooseTheme("Light theme");
    await expect(new Shell(page).navLink("Deployments")).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(timeline.repositoryLink(repoUrl)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: ARRIVAL_TIMEOUT });
    await timeline.repositoryLink(repoUrl).click();
    await expect(page).toHaveURL(/\/timeline\/[^/?]+$/);
    repositoryId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(repoUrl);

    await expect(async () => {
      await page.reload();
      for (const cluster of [staging, production]) await expect(timeline.cell(subject, cluster)).toHaveAttribute("data-state", "applied", { timeout: 2_000 });
    }).toPass({ timeout: ARRIVAL_TIMEOUT });
    await expect(timeline.commitRow(subject).getByRole("rowheader")).toContainText("Zoë Ångström");
    // Applied, when (in the browser's time zone) and the lead time, in the cell itself.
    await expect(timeline.cell(subject, staging)).toContainText("Applied");
    // The cell's accessible text runs its hidden description ("… on tl-staging-<suffix>") into the time, so a suffix ending in a digit touches it.
    await expect(timeline.cell(subject, staging)).toContainText(/\d{2}:\d{2} · \d+[smhd]$/);

    // Details on hover...
    await timeline.cell(subject, staging).getByRole("button").hover();
    await expect(timeline.details()).toContainText(`Applied · `);
    await expect(timeline.details()).toContainText(/Lead time\s*\d+[smhd]/);
    await expect(timeline.details()).toContainText(`Kustomization ${PROBE.namespace}/${PROBE.name}`);
    await page.mouse.move(0, 0);
    await expect(timeline.details()).toBeHidden();
    // ...and on keyboard focus, closed with Escape.
    await timeline.cell(subject, production).getByRole("button").focus();
    await expect(timeline.details()).toContainText(`on ${production}`);
    await expect(timeline.cell(subject, production).getByRole("button")).toHaveAttribute("aria-describedby", /.+/);
    await page.keyboard.press("Escape");
    await expect(timeline.details()).toBeHidden();

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await timeline.cell(subject, staging).getByRole("button").hover();
    await expect(timeline.details()).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/timeline.png" });
  });

  test("a label filter narrows the columns and stays in the URL across a reload", async ({ page, adminPassword }) => {
    const timeline = new TimelinePage(page);
    await signInAsAdmin(page, adminPassword, `/timeline/${repositoryId}`);
    await expect(timeline.clusterHeader(staging)).toBeVisible({ timeout: 30_000 });
    await timeline.labelChip("env=production").click();
    await expect(page).toHaveURL(/labels=env%3Dproduction/);
    await expect(timeline.clusterHeader(production)).toBeVisible();
    await expect(timeline.clusterHeader(staging)).toHaveCount(0);
    await page.reload();
    await expect(timeline.labelChip("env=production")).toHaveAttribute("aria-pressed", "true");
    await expect(timeline.clusterHeader(production)).toBeVisible({ timeout: 30_000 });
    await expect(timeline.clusterHeader(staging)).toHaveCount(0);
  });

  test("the deployments list says who deployed what and when, with the lead time, and exports the same rows as CSV", async ({ page, adminPassword }) => {
    const deployments = new DeploymentsPage(page);
    await signInAsAdmin(page, adminPassword, "/deployments");
    await new Shell(page).chooseTheme("Light theme");
    await deployments.author().fill("Zoë");
    await expect(page).toHaveURL(/author=Zo%C3%AB/);
    await expect(async () => {
      await page.reload();
      await expect(deployments.rows(subject)).toHaveCount(2, { timeout: 2_000 });
    }).toPass({ timeout: ARRIVAL_TIMEOUT });
    const row = deployments.rows(subject).filter({ hasText: staging });
    await expect(row).toContainText("Zoë Ångström");
    await expect(row).toContainText(`Kustomization ${PROBE.namespace}/${PROBE.name}`);
    await expect(row.getByRole("cell").last()).toHaveText(/^\d+[smhd]( \d+[smh])?$/);

    const csv = deployments.csvLink();
    await expect(csv).toHaveAttribute("href", /format=csv/);
    await expect(csv).toHaveAttribute("href", /author=Zo%C3%AB/);
    const exported = await page.request.get((await csv.getAttribute("href"))!);
    expect(exported.headers()["content-type"]).toContain("text/csv");
    expect(await exported.text()).toContain(subject);

    await row.getByRole("button", { name: "Show details" }).click();
    await expect(page.getByText(/lead time \d+[smhd]/).first()).toBeVisible();
    await page.goto("/deployments");
    await expect(deployments.rows(subject).first()).toBeVisible({ timeout: 30_000 });
    await expect(deployments.chart()).toContainText(/median lead time \d+[smhd]/);
    await page.evaluate(() => document.querySelectorAll("*").forEach((element) => element.scrollTo(0, 0)));
    await page.screenshot({ path: "docs/screenshots/deployments.png" });
  });

  test("both pages pass axe in both themes, on a desktop and on a phone", async ({ page, browser, adminPassword, baseURL }) => {
    // Eight full-page axe runs on a busy two-core machine.
    test.setTimeout(5 * 60_000);
    const phone = await openPhone(browser, baseURL, adminPassword, "/deployments");
    for (const current of [page, phone]) {
      if (current === page) await signInAsAdmin(page, adminPassword, "/deployments");
      for (const theme of ["light", "dark"] as const) {
        await current.emulateMedia({ colorScheme: theme });
        await current.goto(`/timeline/${repositoryId}`);
        await expect(new TimelinePage(current).cell(subject, staging)).toBeVisible({ timeout: 30_000 });
        await expectAccessible(current, `the timeline (${theme}${current === phone ? ", phone" : ""})`);
        await current.goto("/deployments");
        await expect(new DeploymentsPage(current).rows(subject).first()).toBeVisible({ timeout: 30_000 });
        await expectAccessible(current, `the deployments (${theme}${current === phone ? ", phone" : ""})`);
      }
    }
    await phone.context().close();
  });

  test("on a phone, the grid scrolls sideways inside its box, the page does not, and a tap shows a cell's details", async ({ browser, adminPassword, baseURL }) => {
    const page = await openPhone(browser, baseURL, adminPassword, `/timeline/${repositoryId}`);
    const timeline = new TimelinePage(page);
    await expect(timeline.cell(subject, production)).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await timeline.scrollBox().evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    await timeline.cell(subject, production).getByRole("button").tap();
    await expect(timeline.details()).toContainText(`Applied · `);
    await expect(timeline.details()).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: screenshotPath("timeline-phone") });
    await page.goto("/deployments");
    await expect(new DeploymentsPage(page).rows(subject).first()).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("deployments-phone") });
    await page.context().close();
  });
});

test.describe("timeline at size: 30 clusters and 500 commits", () => {
  test("rows are windowed and older pages load as the grid scrolls, the header and the commit column stay in view, and held, failed and rolled-back cells say so", async ({ page, adminPassword }) => {
    const data = largeTimeline({ clusters: 30, commits: 500 });
    const served: { cursor: string | null; commits: number }[] = [];
    // The second page waits until the test has seen that it is loading.
    let releaseSecondPage = () => {};
    const secondPage = new Promise<void>((resolve) => (releaseSecondPage = resolve));
    await page.route("**/api/timeline?**", async (route) => {
      const query = new URL(route.request().url()).searchParams;
      const answer = data.page(query);
      if (query.get("cursor") !== null) await secondPage;
      served.push({ cursor: query.get("cursor"), commits: answer.commits.length });
      await route.fulfill({ json: answer });
    });
    await signInAsAdmin(page, adminPassword, `/timeline/${data.repository.id}`);
    const timeline = new TimelinePage(page);
    await expect(timeline.grid()).toBeVisible({ timeout: 30_000 });
    expect(served[0], "the grid asks for the newest page first").toEqual({ cursor: null, commits: 100 });
    await expect(page.getByRole("status").filter({ hasText: "Commit details unavailable" })).toContainText("503 Service Unavailable");
    await expect(timeline.grid().getByRole("columnheader")).toHaveCount(31);
    expect(await timeline.grid().locator("tbody tr[data-key]").count(), "only the rows in view are rendered").toBeLessThan(80);

    // A rollback is a row of its own, in time order, not a commit.
    await expect(timeline.grid().getByRole("rowheader").filter({ hasText: /Rollback to main@/ })).toBeVisible();
    // The suspended cluster's held commits: a band, and who held them and why.
    const held = timeline.cell("commit number 6:", "production-03");
    await expect(held).toHaveAttribute("data-state", "held");
    await held.getByRole("button").hover();
    await expect(timeline.details()).toContainText("Paused by");
    await expect(timeline.details()).toContainText("INC-2041: database failover");
    const failed = timeline.grid().locator('td[data-state="failed"]').first();
    await failed.getByRole("button").focus();
    await expect(timeline.details()).toContainText("kustomize build failed");
    await page.keyboard.press("Escape");

    // Nearing the end of the loaded rows fetches the next page, and the last row says so.
    await page.mouse.move(0, 0);
    const box = timeline.scrollBox();
    await box.evaluate((element) => element.scrollTo({ top: element.scrollHeight, left: element.scrollWidth }));
    await expect(timeline.olderCommitsStatus()).toHaveText("Loading older commits…");
    await expect(timeline.olderCommitsStatus()).toBeInViewport();
    await page.screenshot({ path: screenshotPath("timeline-loading-older") });
    releaseSecondPage();
    await expect(timeline.commitRow("commit number 101:")).toBeAttached();
    await expect(timeline.olderCommitsStatus()).toBeEmpty();
    await expect(timeline.loadOlderCommits(), "a button loads the next page for keyboard users").toBeAttached();
    await expect(async () => {
      await box.evaluate((element) => element.scrollTo({ top: element.scrollHeight, left: element.scrollWidth }));
      await expect(timeline.commitRow("commit number 500:")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    expect(new Set(served.map((request) => request.cursor)).size, "the 500 commits came in pages of 100").toBe(5);
    await expect(timeline.loadOlderCommits(), "nothing older is left to load").toHaveCount(0);
    const boxTop = (await box.boundingBox())!.y;
    const header = (await timeline.clusterHeader("production-27").boundingBox())!;
    expect(Math.abs(header.y - boxTop), "the header row sticks to the top").toBeLessThan(2);
    const boxLeft = (await box.boundingBox())!.x;
    const first = (await timeline.commitRow("commit number 500:").getByRole("rowheader").boundingBox())!;
    expect(Math.abs(first.x - boxLeft), "the commit column sticks to the left").toBeLessThan(2);
    await expect(timeline.commitRow("commit number 500:").getByRole("link", { name: /on the Git host$/ })).toHaveAttribute("href", /\/commit\/[0-9a-f]{40}$/);
    expect(await timeline.grid().locator("tbody tr[data-key]").count()).toBeLessThan(80);
  });

  test("an older page that fails to load says so under the grid, which stays, and Retry loads it", async ({ page, adminPassword }) => {
    const data = largeTimeline({ clusters: 3, commits: 150 });
    let failing = true;
    await page.route("**/api/timeline?**", (route) => {
      const query = new URL(route.request().url()).searchParams;
      if (failing && query.get("cursor") !== null) return route.fulfill({ status: 503, json: { error: { code: "unavailable", message: "The database is restarting" } } });
      return route.fulfill({ json: data.page(query) });
    });
    await signInAsAdmin(page, adminPassword, `/timeline/${data.repository.id}`);
    const timeline = new TimelinePage(page);
    await expect(timeline.grid()).toBeVisible({ timeout: 30_000 });
    const toBottom = () => timeline.scrollBox().evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await toBottom();

    const failure = page.getByRole("alert").filter({ hasText: "Could not load older commits" });
    await expect(failure).toContainText("The database is restarting", { timeout: 30_000 });
    // The notice takes room from the grid; at its end again, the commits loaded are still there, and so is the button.
    await toBottom();
    await expect(timeline.commitRow("commit number 100:")).toBeInViewport();
    await expect(timeline.loadOlderCommits()).toBeInViewport();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath("timeline-older-failed") });

    failing = false;
    await failure.getByRole("button", { name: "Retry" }).click();
    await expect(timeline.commitRow("commit number 101:")).toBeAttached();
    await expect(failure).toBeHidden();
    await toBottom();
    await expect(timeline.commitRow("commit number 150:")).toBeVisible();
    await expect(timeline.loadOlderCommits(), "nothing older is left to load").toHaveCount(0);
  });
});
