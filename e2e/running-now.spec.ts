import { objectHref } from "@/components/fleet/links";
import { RunningNowPanel, SyncHistorySection } from "./pages/running-now-panel";
import { signInAsAdmin } from "./pages/sign-in-page";
import { commitChange, getObject, gitRevision, kubectl, requestReconcile, startApiserver, stopApiserver, type SandboxCluster } from "./sandbox";
import { expectAccessible } from "./world/accessibility";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// What a cluster runs now and how an object got there: two commits pushed to the sandbox's Git
// server and applied by the real Flux controllers, read back on the cluster page and the object page.
test.describe.configure({ mode: "serial" });
// Times are shown in the browser's zone: one far from UTC makes a wrong conversion visible.
test.use({ timezoneId: "Australia/Adelaide" });

const ARRIVAL_TIMEOUT = 120_000;
const alice = { name: "Alice Martin", email: "alice.martin@acme-shop.io" };
const zoe = { name: "Zoë Ångström", email: "zoe.angstrom@acme-shop.io" };

let suffix = "";
let branch = "";
let probe = { namespace: "flux-system", name: "" };
let cluster: SandboxCluster;
let registered: RegisteredCluster | undefined;
let repoUrl = "";
const shas: { base: string; head: string } = { base: "", head: "" };

const subjectOf = (which: "base" | "head") => `running-now e2e ${suffix}: ${which === "base" ? "add the probe" : "raise the probe's value"}`;
const shortRevision = (sha: string) => `${branch}@${sha.slice(0, 7)}`;

function probeFiles(value: string): Record<string, string> {
  return { [`${probe.name}/configmap.yaml`]: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${probe.name}\ndata:\n  value: ${JSON.stringify(value)}\n` };
}

/** The spec's own GitRepository and Kustomization on its own branch, so main, which other specs follow, never moves. */
async function applyProbe(): Promise<void> {
  const manifests = [
    { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", metadata: probe, spec: { interval: "5s", timeout: "20s", url: repoUrl, ref: { branch } } },
    {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: probe,
      spec: { interval: "10m", path: `./${probe.name}`, prune: true, wait: false, timeout: "1m", targetNamespace: "default", sourceRef: { kind: "GitRepository", name: probe.name } },
    },
  ];
  for (const manifest of manifests) await kubectl(cluster, ["apply", "--server-side", "--field-manager=sandbox", "-f", "-"], { input: JSON.stringify(manifest) });
}

async function applied(sha: string): Promise<void> {
  await requestReconcile(cluster, { kind: "GitRepository", ...probe });
  await expect
    .poll(async () => (await getObject<{ status?: { lastAppliedRevision?: string } }>(cluster, { kind: "Kustomization", ...probe })).status?.lastAppliedRevision, {
      message: `the probe applies ${sha}`,
      timeout: ARRIVAL_TIMEOUT,
    })
    .toBe(gitRevision(sha, branch));
}

/** "yyyy-MM-dd HH:mm:ss" in a zone, as the page writes a time. */
function inZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false })
    .format(new Date(iso))
    .replace(",", "");
}

test.describe("running now and sync history: two commits applied by Flux", () => {
  test.beforeAll(async ({ world }, testInfo) => {
    test.setTimeout(6 * 60_000);
    suffix = `${Date.now().toString(36)}-${testInfo.project.name}`;
    branch = `e2e-running-${suffix}`;
    probe = { namespace: "flux-system", name: `e2e-running-${suffix}` };
    cluster = world.world.clusters[0]!;
    repoUrl = world.world.git.repos[0]!;
    registered = await registerCluster(cluster, `running-${suffix}`, { env: "staging", team: "platform" });
    shas.base = await commitChange(world.world, { author: alice, message: subjectOf("base"), files: probeFiles("1"), branch });
    await applyProbe();
    await applied(shas.base);
    shas.head = await commitChange(world.world, { author: zoe, message: subjectOf("head"), files: probeFiles("2"), branch });
    await applied(shas.head);
  });

  test.afterAll(async () => {
    for (const kind of ["kustomization", "gitrepository"]) await kubectl(cluster, ["delete", kind, "-n", probe.namespace, probe.name, "--ignore-not-found", "--wait=false"]).catch(() => undefined);
    await registered?.remove();
  });

  test("the cluster page shows each reconciler's applied revision with its commit, author and age, and the recent deployments", async ({ page, adminPassword }, testInfo) => {
    const panel = new RunningNowPanel(page);
    await signInAsAdmin(page, adminPassword, `/clusters/${registered!.id}`);
    const running = panel.reconciler(probe.namespace, probe.name);
    // The commit's details are read from the Git server after Flux applies it; the panel polls.
    await expect(running).toContainText(subjectOf("head"), { timeout: ARRIVAL_TIMEOUT });
    await expect(running).toContainText(shortRevision(shas.head));
    await expect(running).toContainText(shas.head.slice(0, 7));
    await expect(running).toContainText(zoe.name);
    await expect(running).toContainText(/applied (just now|\d+ minutes? ago|less than a minute ago)/);
    await expect(running.getByRole("link", { name: "Timeline" })).toHaveAttribute("href", /^\/timeline\/[\w-]+$/);

    const deployed = panel.deployments(probe.name);
    await expect(deployed.first()).toContainText(subjectOf("head"), { timeout: ARRIVAL_TIMEOUT });
    await expect(deployed.first()).toContainText(zoe.name);
    await expect(deployed.first()).toContainText(/lead time \d/);
    // Newest first: the first commit's deployment comes after the second's.
    await expect(deployed.nth(1)).toContainText(subjectOf("base"));
    await expect(deployed.nth(1)).toContainText(alice.name);
    await expect(panel.region().getByRole("link", { name: "All deployments" })).toHaveAttribute("href", `/deployments?cluster=${registered!.id}`);
    await expect(panel.region().getByText("stale")).toHaveCount(0);
    await expectAccessible(page, "the running-now panel", "section[aria-labelledby=running-now]");

    if (testInfo.project.name === "chromium") {
      await panel.region().evaluate((section) => section.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: "docs/screenshots/running-now.png" });
    }
  });

  test("the object page shows the object's sync steps newest first, in the browser's time zone", async ({ page, adminPassword }) => {
    const history = new SyncHistorySection(page);
    await signInAsAdmin(page, adminPassword, objectHref(registered!.id, { kind: "Kustomization", ...probe }));
    await expect(history.region()).toContainText("times in Australia/Adelaide");
    const appliedSteps = history.steps().filter({ hasText: "Applied" });
    await expect(appliedSteps.first()).toContainText(shortRevision(shas.head), { timeout: ARRIVAL_TIMEOUT });
    await expect(appliedSteps.nth(1)).toContainText(shortRevision(shas.base));
    // Seen live as Flux applied them, not filled in afterwards.
    await expect(appliedSteps.first()).not.toContainText("reconstructed");

    const time = appliedSteps.first().locator("time").first();
    const iso = (await time.getAttribute("datetime"))!;
    await expect(time).toHaveText(inZone(iso, "Australia/Adelaide"));
    await expectAccessible(page, "the sync history", "section[aria-labelledby=section-sync-history]");
  });

  test("a cluster that cannot be reached shows what it ran when last seen, marked stale", async ({ page, adminPassword }) => {
    test.setTimeout(3 * 60_000);
    const panel = new RunningNowPanel(page);
    await stopApiserver(cluster);
    try {
      await signInAsAdmin(page, adminPassword, `/clusters/${registered!.id}`);
      await expect(panel.region().getByText("stale")).toBeVisible({ timeout: ARRIVAL_TIMEOUT });
      await expect(panel.region()).toContainText("this is what it ran when last seen");
      await expect(panel.reconciler(probe.namespace, probe.name)).toContainText(shortRevision(shas.head));
    } finally {
      await startApiserver(cluster);
    }
  });
});
