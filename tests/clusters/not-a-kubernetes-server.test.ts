import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { POST as addRoute } from "@/app/api/clusters/route";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { call, ORIGIN } from "../support/http";
import { bearer, userActor } from "../support/sandbox-clusters";

/** What an internal service reachable from the Syncline server might hold. */
const INTERNAL = "internal-only-reply-5c2a91";

type Answer = (path: string) => { status: number; headers?: Record<string, string>; body: string };

let admin: { actor: Actor; token: string };
let server: Server;
let serverUrl: string;
let answer: Answer;
/** The Authorization header of every request the server received. */
const received: Array<string | undefined> = [];

beforeAll(async () => {
  admin = await userActor("admin");
  server = createServer((request, response) => {
    received.push(request.headers.authorization);
    const { status, headers, body } = answer(request.url ?? "/");
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  delete process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** A kubeconfig pointing at the loopback server, TLS checks off, as an attacker would write it. */
function kubeconfigFor(url: string, token: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "loopback", cluster: { server: url, "insecure-skip-tls-verify": true } }],
    users: [{ name: "someone", user: { token } }],
    contexts: [{ name: "loopback", context: { cluster: "loopback", user: "someone" } }],
    "current-context": "loopback",
  });
}

async function register(name: string, token = "any-token") {
  const before = await db().cluster.count();
  const response = await call(addRoute, {
    method: "POST",
    path: "/api/clusters",
    headers: { ...bearer(admin.token), origin: ORIGIN },
    body: { name, kubeconfig: kubeconfigFor(serverUrl, token) },
  });
  expect(await db().cluster.count()).toBe(before);
  return response;
}

const html = (status: number): Answer => () => ({ status, headers: { "content-type": "text/html" }, body: `<html><body>${INTERNAL}</body></html>` });

describe("a server that is not a Kubernetes API server", () => {
  const servers: Array<[string, Answer]> = [
    ["an HTML page", html(200)],
    ["an HTML error page", html(404)],
    ["a server error page", html(500)],
    ["JSON that is not a version", () => ({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ data: INTERNAL }) })],
    ["JSON that is not a Kubernetes Status", () => ({ status: 403, headers: { "content-type": "application/json" }, body: JSON.stringify({ message: INTERNAL }) })],
    ["a redirect", () => ({ status: 302, headers: { location: `${serverUrl}/elsewhere` }, body: INTERNAL })],
    [
      "a fake /version, then HTML",
      (path) => (path === "/version" ? { status: 200, headers: { "content-type": "application/json" }, body: '{"gitVersion":"v1.35.0"}' } : html(200)(path)),
    ],
  ];

  for (const [what, reply] of servers) {
    it(`answering with ${what} is refused with 422 not_kubernetes, and nothing it said reaches the answer`, async () => {
      process.env.SYNCLINE_ALLOW_HTTP_CLUSTERS = "true";
      answer = reply;
      const response = await register("loopback");
      expect(response.status).toBe(422);
      expect(response.json.error.code).toBe("not_kubernetes");
      expect(JSON.stringify(response.json)).not.toContain(INTERNAL);
    });
  }
});

describe("a plain-http server", () => {
  it("is refused with 422 server_not_https, without a request to it, unless SYNCLINE_ALLOW_HTTP_CLUSTERS=true", async () => {
    answer = html(200);
    const response = await register("plain-http", "plain-http-token");
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("server_not_https");
    expect(response.json.error.message).toContain("SYNCLINE_ALLOW_HTTP_CLUSTERS");
    expect(received).not.toContain("Bearer plain-http-token");
  });
});
