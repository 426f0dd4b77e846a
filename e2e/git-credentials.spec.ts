import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { syncline } from "../tests/support/cli";
import { GitCredentialsSection } from "./pages/git-credentials-section";
import { Shell } from "./pages/shell";
import { SignInPage, signInAsAdmin } from "./pages/sign-in-page";
import { expectAccessible } from "./world/accessibility";
import { readAppState } from "./world/app-state";
import { expect, test } from "./world/sandbox";

// Git credentials are managed in Settings and tested against the sandbox's real Git server: over
// SSH with a key and known_hosts, and over HTTPS with basic auth and the server's own CA.
test.describe.configure({ mode: "serial" });

const work = mkdtempSync(join(tmpdir(), "syncline-e2e-git-credentials-"));
const suffix = randomUUID().slice(0, 6);

/** A brand new SSH key, as a user would make one for Syncline, with the fingerprint ssh-keygen reports. */
function newSshKey() {
  const file = join(work, `key-${randomUUID().slice(0, 8)}`);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "syncline-e2e", "-f", file]);
  return { privateKey: readFileSync(file, "utf8"), fingerprint: fingerprintOf(file) };
}

/** ssh-keygen's SHA256 fingerprint of a private key given as text. */
function fingerprintOf(privateKeyFile: string): string {
  const publicKey = execFileSync("ssh-keygen", ["-y", "-f", privateKeyFile], { encoding: "utf8" });
  writeFileSync(`${privateKeyFile}.pub`, publicKey);
  return execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${privateKeyFile}.pub`], { encoding: "utf8" }).split(" ")[1]!;
}

/** The secret part of an OpenSSH key: its base64 body, which nothing may ever send back. */
const keyBody = (privateKey: string) => privateKey.split("\n").slice(1, -2).join("");

/** Every API answer the page receives, as text (the event stream never ends, so it is left out). */
function recordApiAnswers(page: Page): () => Promise<string> {
  const bodies: Array<Promise<string>> = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith("/api/") && url.pathname !== "/api/events") bodies.push(response.text().catch(() => ""));
  });
  return async () => (await Promise.all(bodies)).join("\n");
}

const PASSWORD = "git credentials e2e 1";

async function addUser(role: "viewer" | "operator"): Promise<string> {
  const name = `git-${role}-${suffix}`;
  const { dataDir } = readAppState();
  const added = await syncline(["user", "add", name, "--role", role, "--password-stdin"], { input: `${PASSWORD}\n`, env: dataDir ? { SYNCLINE_DATA_DIR: dataDir } : {} });
  expect(added.stderr).toBe("");
  return name;
}

test.describe("settings: Git credentials", () => {
  const sshName = `sandbox-ssh-${suffix}`;
  const httpsName = `sandbox-https-${suffix}`;

  test("an admin adds an SSH key and an HTTPS login, tests them against the real Git server, rotates, renames and removes them; no secret ever comes back", async ({ page, world, adminPassword }) => {
    const git = world.world.git;
    const unknownKey = newSshKey();
    const identityFile = join(work, "sandbox-identity");
    writeFileSync(identityFile, git.sshIdentity, { mode: 0o600 });
    const sandboxFingerprint = fingerprintOf(identityFile);
    const answers = recordApiAnswers(page);
    const section = new GitCredentialsSection(page);

    await signInAsAdmin(page, adminPassword, "/settings");
    await new Shell(page).chooseTheme("Light theme");
    await section.add("SSH key", { Name: sshName, "For repositories at": `${git.sshUrl}/`, "Private key": unknownKey.privateKey, "Known hosts": git.knownHosts });
    await expect(section.row(sshName)).toContainText("SSH key");
    await expect(section.row(sshName)).toContainText(unknownKey.fingerprint);
    await expect(section.row(sshName)).toContainText("never tested");

    // The server has never seen this key: the test says so in git's own terms.
    await section.openTest(sshName, `${git.sshUrl}/fleet.git`);
    await expect(section.testResult()).toContainText("refused", { timeout: 30_000 });
    await expect(section.testResult()).toContainText("authentication-failed");
    await page.keyboard.press("Escape");
    await expect(section.row(sshName)).toContainText("refused");

    // Rotating replaces only the secret: same credential, the key the server authorizes.
    await section.rotate(sshName, { "Private key": git.sshIdentity });
    await expect(section.row(sshName)).toContainText(sandboxFingerprint);
    await expect(section.row(sshName)).toContainText("rotated");
    await section.openTest(sshName, `${git.sshUrl}/fleet.git`);
    await expect(section.testResult()).toContainText("works", { timeout: 30_000 });
    await page.keyboard.press("Escape");
    await expect(section.row(sshName)).toContainText("works");

    await section.add("HTTPS user and password", {
      Name: httpsName,
      "For repositories at": `${git.httpsUrl}/`,
      "User name": git.username,
      Password: git.password,
      "CA certificate (optional)": readFileSync(git.caFile, "utf8"),
    });
    await expect(section.row(httpsName)).toContainText("password, not shown");
    await section.openTest(httpsName, `${git.httpsUrl}/fleet.git`);
    await expect(section.testResult()).toContainText("works", { timeout: 30_000 });
    await page.keyboard.press("Escape");
    await expect(section.row(httpsName)).toContainText("works");
    await expect(page.getByRole("button", { name: "Dismiss" })).toHaveCount(0, { timeout: 15_000 });
    await page.getByRole("heading", { name: "Git credentials" }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: "docs/screenshots/git-credentials.png" });

    const renamed = `${sshName}-fleet`;
    await section.edit(sshName, { Name: renamed, "For repositories at": `${git.sshUrl}/fleet.git` });
    await expect(section.row(renamed)).toContainText(`${git.sshUrl}/fleet.git`);
    await expect(section.row(renamed)).toContainText(sandboxFingerprint);

    await section.remove(renamed);
    await section.remove(httpsName);
    await expect(section.table().getByText(renamed, { exact: true })).toHaveCount(0);
    await expect(page.getByText(httpsName, { exact: true })).toHaveCount(0);

    const everything = (await answers()) + (await page.content());
    expect(everything).toContain(sandboxFingerprint);
    for (const secret of [keyBody(unknownKey.privateKey), keyBody(git.sshIdentity), git.password]) expect(everything).not.toContain(secret);
  });

  test("every Git credential dialog passes axe in both themes", async ({ page, world, adminPassword }) => {
    const git = world.world.git;
    const name = `sandbox-a11y-${suffix}`;
    const section = new GitCredentialsSection(page);
    await signInAsAdmin(page, adminPassword, "/settings");
    const added = await page.request.post("/api/git-credentials", {
      headers: { origin: new URL(page.url()).origin },
      data: { kind: "ssh-key", name, urlPattern: `${git.sshUrl}/`, privateKey: git.sshIdentity, knownHosts: git.knownHosts },
    });
    expect(added.status()).toBe(201);
    const dialogs: Array<[string, () => Promise<void>]> = [
      ["add", () => section.addButton().click()],
      ["test", () => section.row(name).getByRole("button", { name: `Test ${name}` }).click()],
      ["edit", () => section.row(name).getByRole("button", { name: `Edit ${name}` }).click()],
      ["rotate", () => section.row(name).getByRole("button", { name: `Rotate ${name}` }).click()],
      ["remove", () => section.row(name).getByRole("button", { name: `Remove ${name}` }).click()],
    ];
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.reload();
      await expectAccessible(page, `the Git credentials section (${theme})`, "section[aria-labelledby=settings-git-credentials]");
      for (const [what, open] of dialogs) {
        await open();
        await expect(section.dialog()).toBeVisible();
        await expectAccessible(page, `the ${what} Git credential dialog (${theme})`, "dialog[open]");
        await page.keyboard.press("Escape");
        await expect(section.dialog()).toBeHidden();
      }
    }
    await section.remove(name);
  });

  test("an operator may test a credential but not change it, and a viewer only sees it", async ({ browser, page, world, adminPassword }) => {
    const git = world.world.git;
    const name = `sandbox-shared-${suffix}`;
    const section = new GitCredentialsSection(page);
    await signInAsAdmin(page, adminPassword, "/settings");
    await section.add("HTTPS user and password", { Name: name, "For repositories at": `${git.httpsUrl}/`, "User name": git.username, Password: `wrong-${randomUUID()}` });

    for (const role of ["operator", "viewer"] as const) {
      const user = await addUser(role);
      const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
      const other = await context.newPage();
      await new SignInPage(other).goto("/settings");
      await new SignInPage(other).signIn(user, PASSWORD);
      const seen = new GitCredentialsSection(other);
      await expect(seen.row(name)).toBeVisible();
      await expect(seen.addButton()).toHaveCount(0);
      for (const action of ["Edit", "Rotate", "Remove"]) await expect(seen.row(name).getByRole("button", { name: `${action} ${name}` })).toHaveCount(0);
      if (role === "operator") {
        // The sandbox's HTTPS endpoint has a CA of its own, which this credential does not carry.
        await seen.openTest(name, `${git.httpsUrl}/fleet.git`);
        await expect(seen.testResult()).toContainText("refused", { timeout: 30_000 });
        await expect(seen.testResult()).toContainText("tls-failed");
      } else {
        await expect(seen.row(name).getByRole("button", { name: `Test ${name}` })).toHaveCount(0);
      }
      await context.close();
    }
    await section.remove(name);
  });
});
