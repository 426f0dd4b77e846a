import { request as playwrightRequest } from "@playwright/test";
import { commitChange, fleetRepoUrl, getObject, gitSecretData, kubectl, type SandboxCluster } from "./sandbox";
import { signInAsAdmin } from "./pages/sign-in-page";
import { SourcesPage } from "./pages/sources-page";
import { expectAccessible } from "./world/accessibility";
import { readAppState } from "./world/app-state";
import { registerCluster, type RegisteredCluster } from "./world/registered-cluster";
import { expect, test } from "./world/sandbox";

// A GitRepository someone made by hand, reading the fleet over SSH with its own deploy-key Secret,
// listed under "Existing Flux sources" and adopted through the dialog with the stored Git credential
// that holds the same key: Syncline's Secret replaces the hand-made one and real Flux keeps fetching.
test.describe.configure({ mode: "serial" });

const author = { name: "Ada Adopt", email: "ada.adopt@acme-shop.io" };
const ROLLOUT_TIMEOUT = 150_000;

async function adminApi() {
  const { baseURL, adminPassword } = readAppState();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await api.post("/api/auth/sign-in", { data: { name: "admin", password: adminPassword } });
  return api;
}

test.describe("adopting an existing Flux source that reads a Secret", () => {
  let suffix = "";
  let name = "";
  let cluster: SandboxCluster;
  let registered: RegisteredCluster | undefined;
  let credentialName = "";
  let credentialId = "";
  let sshUrl = "";
  let sha = "";
  const handMadeSecret = () => `${name}-deploy-key`;

  test.beforeAll(async ({ world }) => {
    test.setTimeout(4 * 60_000);
    suffix = Date.now().toString(36).slice(-6);
    name = `adopt-e2e-${suffix}`;
    credentialName = `fleet deploy key ${suffix}`;
    cluster = world.world.clusters[0]!;
    sshUrl = fleetRepoUrl(world.world.git, "ssh");
    const branch = `adopt-e2e-${suffix}`;
    sha = await commitChange(world.world, {
      author,
      message: "Adopt e2e: a ConfigMap",
      files: { [`${name}/configmap.yaml`]: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  adopted: "yes"\n` },
      branch,
    });
    registered = await registerCluster(cluster, `adopt-${suffix}`, { env: cluster.env });
    await kubectl(cluster, ["apply", "-f", "-"], {
      input: JSON.stringify({
        apiVersion: "v1",
        kind: "List",
        items: [
          { apiVersion: "v1", kind: "Secret", metadata: { name: handMadeSecret(), namespace: "flux-system" }, stringData: gitSecretData(world.world.git, "ssh") },
          {
            apiVersion: "source.toolkit.fluxcd.io/v1",
            kind: "GitRepository",
            metadata: { name, namespace: "flux-system" },
            spec: { interval: "1m", url: sshUrl, ref: { branch }, secretRef: { name: handMadeSecret() } },
          },
          {
            apiVersion: "kustomize.toolkit.fluxcd.io/v1",
            kind: "Kustomization",
            metadata: { name, namespace: "flux-system" },
            spec: { interval: "1m", path: `./${name}`, prune: true, targetNamespace: "default", sourceRef: { kind: "GitRepository", name } },
          },
        ],
      }),
    });
    const api = await adminApi();
    const added = await api.post("/api/git-credentials", {
      data: { kind: "ssh-key", name: credentialName, urlPattern: `${world.world.git.sshUrl}/`, privateKey: world.world.git.sshIdentity, knownHosts: world.world.git.knownHosts },
    });
    expect(added.status(), await added.text()).toBe(201);
    credentialId = ((await added.json()) as { id: string }).id;
    await api.dispose();
  });

  test.afterAll(async () => {
    const api = await adminApi();
    const { items } = (await (await api.get("/api/sources")).json()) as { items: Array<{ id: string; definition: { name: string } }> };
    for (const source of items.filter((item) => item.definition.name === name)) await api.delete(`/api/sources/${source.id}`);
    await api.dispose();
    for (const [kind, object] of [
      ["kustomization", name],
      ["gitrepository", name],
      ["secret", handMadeSecret()],
    ] as const) {
      await kubectl(cluster, ["delete", kind, "-n", "flux-system", object, "--ignore-not-found", "--wait=false"]).catch(() => undefined);
    }
    await registered?.remove();
  });

  test("the group says it reads a Secret; the dialog asks for the stored credential, and the adopted source rolls out with Syncline's own Secret", async ({ page, adminPassword }) => {
    const sources = new SourcesPage(page);
    await signInAsAdmin(page, adminPassword, "/sources");
    const group = sources.existingSources().getByRole("listitem").filter({ hasText: sshUrl });
    await expect(group).toContainText("Reads its credentials from a Secret", { timeout: 60_000 });
    await group.getByRole("button", { name: `Adopt ${sshUrl}` }).click();

    const dialog = page.getByRole("dialog", { name: "Adopt as a Syncline source" });
    await expect(dialog.getByRole("list", { name: "Objects adopted" })).toContainText(`flux-system/${name}`);
    // Adopting without the credential is refused beside the field, and nothing is adopted.
    await dialog.getByRole("button", { name: /^Adopt \d+ objects?$/ }).click();
    const credential = dialog.getByLabel("Git credential");
    await expect(credential).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText("Choose the stored Git credential that holds what their Secret holds")).toBeVisible();
    await credential.selectOption(credentialId);
    await expect(credential).not.toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, "the adopt dialog", "dialog[open]");
    await page.screenshot({ path: "docs/screenshots/adopt-source.png" });
    await dialog.getByRole("button", { name: /^Adopt \d+ objects?$/ }).click();

    await page.waitForURL(/\/sources\/[0-9a-f-]{36}$/);
    const row = sources.rolloutRow(registered!.name);
    await expect(row.getByText("Reconciled")).toBeVisible({ timeout: ROLLOUT_TIMEOUT });
    await expect(row.getByText(`Flux applied revision adopt-e2e-${suffix}@${sha.slice(0, 7)}`)).toBeVisible();
    const gitRepository = await getObject<{ spec: { secretRef?: { name: string } } }>(cluster, { kind: "GitRepository", namespace: "flux-system", name });
    expect(gitRepository.spec.secretRef).toEqual({ name: `${name}-git-auth` });
  });
});
