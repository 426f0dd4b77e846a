import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { ClusterPage } from "./pages/cluster-page";
import { signInAsAdmin } from "./pages/sign-in-page";
import { readAppState } from "./world/app-state";
import { expect, test } from "./world/sandbox";

// Registers one cluster, so the cluster and object pages have something to show; removed at the end.
test.describe.configure({ mode: "serial" });

const clusterName = `e2e-csp-${Date.now().toString(36)}`;
let clusterId = "";

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], what).toContain("object-src 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
}

/** Every CSP violation the page reports, so a policy that breaks a page fails the test that opened it. */
async function watchForViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|apply|load|connect)/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

async function adminApi(): Promise<APIRequestContext> {
  const { baseURL, adminPassword } = readAppState();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await api.post("/api/auth/sign-in", { data: { name: "admin", password: adminPassword } });
  return api;
}

test.describe("security headers and redirects", () => {
  test("a page, an API answer and a static asset all carry the security headers", async ({ page, request, adminPassword }) => {
    const sheet = page.waitForResponse((response) => /\/_next\/static\/.+\.css/.test(response.url()));
    const document = await page.goto("/sign-in");
    expectSecurityHeaders(document!.headers(), "the sign-in page");
    expect(document!.headers()["content-security-policy"]).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
    expectSecurityHeaders((await sheet).headers(), "a stylesheet");

    expectSecurityHeaders((await request.get("/api/healthz")).headers(), "an API answer");
    expectSecurityHeaders((await request.get("/api/me")).headers(), "an API refusal");
    await signInAsAdmin(page, adminPassword, "/clusters");
  });

  test("each page has its own script nonce", async ({ request }) => {
    const nonceOf = async () => /'nonce-([^']+)'/.exec((await request.get("/sign-in")).headers()["content-security-policy"] ?? "")?.[1];
    const [first, second] = [await nonceOf(), await nonceOf()];
    expect(first).toBeTruthy();
    expect(first).not.toBe(second);
  });

  test("a page on another origin that frames Syncline does not get it rendered", async ({ page, baseURL }) => {
    const framer: Server = createServer((_, response) => {
      response.setHeader("content-type", "text/html");
      response.end(`<!doctype html><title>Elsewhere</title><iframe id="syncline" src="${baseURL}/sign-in" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    try {
      // localhost and 127.0.0.1 are different origins (and sites) to the browser.
      const blocked = page.waitForEvent("console", (message) => /frame-ancestors|X-Frame-Options|refused to connect/i.test(message.text())).catch(() => undefined);
      const refused = page.waitForResponse((response) => response.url().startsWith(`${baseURL}/sign-in`));
      await page.goto(`http://localhost:${(framer.address() as AddressInfo).port}/`);
      expect((await refused).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      await blocked;
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      const rendered = await frame
        ?.getByRole("heading", { name: "Sign in to Syncline" })
        .isVisible({ timeout: 2_000 })
        .catch(() => false);
      expect(rendered ?? false).toBe(false);
    } finally {
      await new Promise((resolve) => framer.close(resolve));
    }
  });

  test("a signed-in user opening /sign-in?next=/%09/evil.example stays on Syncline", async ({ page, adminPassword, baseURL }) => {
    await signInAsAdmin(page, adminPassword, "/clusters");
    for (const next of ["/%09/evil.example", "/%0A/evil.example", "/%5Cevil.example", "//evil.example", "/.//evil.example"]) {
      const answer = await page.goto(`/sign-in?next=${next}`);
      expect(answer?.status(), next).toBeLessThan(500);
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
    }
  });

  test("a new cluster registers, for the pages below", async ({ sandboxCluster }) => {
    const api = await adminApi();
    const added = await api.post("/api/clusters", { data: { name: clusterName, kubeconfig: sandboxCluster.kubeconfigText, context: sandboxCluster.context, labels: {} } });
    expect(added.status()).toBe(201);
    clusterId = ((await added.json()) as { id: string }).id;
    await api.dispose();
  });

  test("no page breaks its Content-Security-Policy: sign-in, clusters, a cluster, an object, audit", async ({ page, adminPassword }) => {
    const violations = await watchForViolations(page);
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in to Syncline" })).toBeVisible();
    await signInAsAdmin(page, adminPassword, "/clusters");
    await expect(page.getByRole("heading", { name: "Clusters", level: 1 })).toBeVisible();
    await expect(page.getByText(clusterName).first()).toBeVisible();

    await page.goto(`/clusters/${clusterId}`);
    const cluster = new ClusterPage(page);
    await expect(cluster.objectsTable()).toBeVisible({ timeout: 30_000 });
    const objectLink = cluster.objectsTable().getByRole("link").first();
    await expect(objectLink).toBeVisible({ timeout: 30_000 });
    await objectLink.click();
    await expect(page).toHaveURL(/\/objects\//);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
    // The inline theme script runs under the policy: a remembered dark theme is applied on load.
    await page.evaluate(() => localStorage.setItem("syncline-theme", "dark"));
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.evaluate(() => localStorage.setItem("syncline-theme", "light"));
    expect(await violations()).toEqual([]);
  });

  test.afterAll(async () => {
    if (!clusterId) return;
    const api = await adminApi();
    await api.delete(`/api/clusters/${clusterId}`);
    await api.dispose();
  });
});
