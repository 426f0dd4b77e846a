import { request as playwrightRequest } from "@playwright/test";
import { commitChange, kubectlJson, type SandboxCluster } from "./sandbox";
import { Shell } from "./pages/shell";
import { signInAsAdmin } from "./pages/sign-in-page";
import { SourcesPage } from "./pages/sources-page";
import { expectAccessible } from "./world/accessibility";
import { readAppState } from "./world/app-state";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// A source defined once through the form, on a branch of the sandbox repository (never main):
// per-cluster paths from each cluster's env label, a preview that says what happens where, then
// real Flux applying it on both sandbox clusters, watched live until each reports the revision;
// an edit previewed field by field and applied; deleting it (prune on) takes the workloads off both clusters again.
test.describe.configure({ mode: "serial" });

const author = { name: "Sam Sources", email: "sam@acme-shop.io" };
// Flux fetches, then applies: seconds each, more on a busy machine.
const ROLLOUT_TIMEOUT = 150_000;

/** A run that failed half-way leaves no source behind to target later clusters. */
async function deleteSourcesNamed(part: string) {
  const { baseURL, adminPassword } = readAppState();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await api.post("/api/auth/sign-in", { data: { name: "admin", password: adminPassword } });
  const { items } = (await (await api.get("/api/sources")).json()) as { items: Array<{ id: string; definition: { name: string } }> };
  for (const source of items.filter((item) => item.definition.name.includes(part))) await api.delete(`/api/sources/${source.id}`);
  await api.dispose();
}

interface Target {
  sandbox: SandboxCluster;
  registered: RegisteredCluster;
}

test.describe("sources: define once, preview, apply to every matching cluster", () => {
  let suffix = "";
  let branch = "";
  let configMap = "";
  let sha = "";
  const targets: Target[] = [];

  test.beforeAll(async ({ world }, testInfo) => {
    suffix = `${testInfo.project.name.slice(0, 2)}${Date.now().toString(36).slice(-5)}`;
    branch = `sources-e2e-${suffix}`;
    configMap = `sources-e2e-${suffix}`;
    const configMapYaml = (env: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${configMap}\n  namespace: default\ndata:\n  env: ${env}\n  greeting: \${greeting}\n`;
    sha = await commitChange(world.world, {
      author,
      message: "Sources e2e: one ConfigMap per environment",
      files: { "sources-e2e/staging/configmap.yaml": configMapYaml("staging"), "sources-e2e/production/configmap.yaml": configMapYaml("production") },
      branch,
    });
    for (const sandbox of world.world.clusters) {
      const registered = await registerCluster(sandbox, `${sandbox.env}-${suffix}`, { env: sandbox.env, "sources-e2e": suffix });
      targets.push({ sandbox, registered });
    }
  });

  test.afterAll(async () => {
    await deleteSourcesNamed(suffix);
    for (const { registered } of targets) await registered.remove();
  });

  const configMapOn = async (cluster: SandboxCluster) =>
    kubectlJson<{ data: Record<string, string> }>(cluster, ["get", "configmap", configMap, "-n", "default"]).then(
      (object) => object.data,
      () => null,
    );

  test("a source created through the form is previewed per cluster, applied on confirm and reconciled by Flux on each; an edit shows old → new; deleting it removes the workloads", async ({
    page,
    adminPassword,
    world,
  }, testInfo) => {
    const phone = testInfo.project.name === "phone";
    const sources = new SourcesPage(page);
    const name = `greeting-${suffix}`;
    await signInAsAdmin(page, adminPassword, "/sources");
    if (phone) await new Shell(page).menuButton().click();
    await new Shell(page).chooseTheme("Light theme");
    if (phone) await new Shell(page).menuButton().click();

    await sources.newSourceButton().click();
    await sources.fillForm({
      name,
      url: "file:///srv/git/fleet",
      branch,
      path: "./sources-e2e/{{labels.env}}",
      selector: `sources-e2e=${suffix}`,
      variables: { greeting: "hello from {{cluster.name}}" },
    });
    await expect(sources.form().getByText(/^Matches 2 of \d+ clusters/)).toBeVisible();
    await sources.saveAndPreview();
    // The API's refusal sits next to the field it is about, and nothing was stored.
    const url = sources.form().getByLabel("Git URL");
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(sources.form().getByText(/Use an http, https or ssh URL/)).toBeVisible();

    await url.fill(world.world.git.repos[0]!);
    await sources.saveAndPreview();
    await expect(sources.form()).toBeHidden();
    const preview = sources.preview();
    await expect(preview.getByText("Create on 2 clusters")).toBeVisible({ timeout: 60_000 });
    for (const { sandbox, registered } of targets) {
      const plan = sources.clusterPlan(registered.name);
      await expect(plan.getByText("Create", { exact: true })).toBeVisible();
      // Rendered per cluster from its name and env label, and the objects' fields as they will be written.
      await expect(plan.getByRole("definition").getByText(`./sources-e2e/${sandbox.env}`, { exact: true })).toBeVisible();
      await expect(plan.getByRole("definition").getByText(`hello from ${registered.name}`, { exact: true })).toBeVisible();
      await expect(plan.getByRole("row", { name: /^spec\.ref\.branch / })).toContainText(branch);
      await expect(plan.getByRole("row", { name: /^spec\.path / })).toContainText(`./sources-e2e/${sandbox.env}`);
    }
    await expectAccessible(page, "the source preview", "dialog[open]");
    if (!phone) await page.screenshot({ path: "docs/screenshots/sources-preview.png" });

    await preview.getByRole("button", { name: "Confirm and apply" }).click();
    await page.waitForURL(/\/sources\/[0-9a-f-]{36}$/);
    for (const { registered } of targets) {
      const row = sources.rolloutRow(registered.name);
      await expect(row.getByText("Reconciled")).toBeVisible({ timeout: ROLLOUT_TIMEOUT });
      await expect(row.getByText(`Flux applied revision ${branch}@${sha.slice(0, 7)}`)).toBeVisible();
    }
    for (const { sandbox, registered } of targets) expect(await configMapOn(sandbox)).toEqual({ env: sandbox.env, greeting: `hello from ${registered.name}` });
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    await expectAccessible(page, "a source's rollout");
    await page.screenshot({ path: phone ? "docs/screenshots/source-rollout-phone.png" : "docs/screenshots/source-rollout.png" });

    // An edit reaches a cluster only through a preview that shows each changed field, old → new.
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    await edit.getByLabel("Variable 1 value").fill("hi again from {{cluster.name}}");
    await edit.getByRole("button", { name: "Save and preview" }).click();
    await expect(preview.getByText("Update on 2 clusters")).toBeVisible({ timeout: 60_000 });
    const [first] = targets;
    const changed = sources.clusterPlan(first!.registered.name).getByRole("row", { name: /^spec\.postBuild\.substitute\.greeting / });
    await expect(changed.getByRole("deletion")).toHaveText(`hello from ${first!.registered.name}`);
    await expect(changed.getByRole("insertion")).toHaveText(`hi again from ${first!.registered.name}`);
    await preview.getByRole("button", { name: "Confirm and apply" }).click();
    await expect(preview).toBeHidden();
    for (const { sandbox, registered } of targets) {
      await expect.poll(async () => (await configMapOn(sandbox))?.greeting, { timeout: ROLLOUT_TIMEOUT }).toBe(`hi again from ${registered.name}`);
      await expect(sources.rolloutRow(registered.name).getByText("Reconciled")).toBeVisible({ timeout: ROLLOUT_TIMEOUT });
    }

    await sources.goto();
    await expect(sources.row(name).getByText("2 reconciled")).toBeVisible();
    if (!phone) await page.screenshot({ path: "docs/screenshots/sources.png" });

    await sources.row(name).getByRole("link", { name, exact: true }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: `Delete ${name}?` });
    for (const { registered } of targets) await expect(confirm.getByRole("listitem").filter({ hasText: registered.name })).toBeVisible();
    await expect(confirm.getByText(/Prune is on: Flux deletes every workload/)).toBeVisible();
    await confirm.getByRole("button", { name: "Delete source" }).click();
    await page.waitForURL(/\/sources$/);
    await expect(sources.row(name)).toHaveCount(0, { timeout: ROLLOUT_TIMEOUT });
    for (const { sandbox } of targets) await expect.poll(() => configMapOn(sandbox), { timeout: ROLLOUT_TIMEOUT }).toBeNull();
  });
});
