import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startSyncline, type RunningSyncline } from "../support/syncline-server";

/**
 * What a client meets at Syncline's front door, over real HTTP against `npm start`: no method
 * crashes it, and the forwarding headers a client writes itself buy it nothing. The proxy that
 * Syncline trusts is 127.0.0.2; a client connects from 127.0.0.1 (both are loopback on Linux).
 */
const TRUSTED_PROXY = "127.0.0.2";
const CLIENT = "127.0.0.1";
const PASSWORD = "front door admin password";
const engine = process.env.SYNCLINE_TEST_DB;

let server: RunningSyncline;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "syncline-front-door-"));
  const env: Record<string, string> = { SYNCLINE_DATA_DIR: dataDir, SYNCLINE_ADMIN_PASSWORD: PASSWORD, SYNCLINE_TRUSTED_PROXIES: TRUSTED_PROXY, DATABASE_URL: "" };
  if (engine === "postgres") env.DATABASE_URL = await freshPostgresDatabase();
  server = await startSyncline(env);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Plain node:http, because fetch refuses to send TRACE or TRACK at all, and cannot pick its source address. */
function send(method: string, path: string, options: { from?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return method === "CONNECT" ? sendConnect(path) : sendRequest(method, path, options);
}

function sendRequest(method: string, path: string, options: { from?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ method, hostname, port, path, localAddress: options.from ?? CLIENT, headers: options.headers }, (incoming) => {
      let body = "";
      incoming.on("data", (chunk) => (body += chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode!, headers: incoming.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** node:http hands a CONNECT answer over as a tunnel; read it off the socket instead. */
function sendConnect(target: string): Promise<Answer> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), localAddress: CLIENT }, () => socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
    let raw = "";
    socket.on("data", (chunk) => (raw += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = raw.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body });
    });
  });
}

const signIn = (options: { from?: string; headers?: Record<string, string> } = {}) =>
  send("POST", "/api/auth/sign-in", {
    ...options,
    headers: { "content-type": "application/json", origin: server.baseUrl, ...options.headers },
    body: JSON.stringify({ name: "admin", password: PASSWORD }),
  });

describe(`HTTP methods no route serves (${engine})`, () => {
  it.each(["TRACE", "TRACK", "PROPFIND", "CONNECT", "BREW"])("%s gets 405 with an error body, never a 500", async (method) => {
    for (const path of ["/api/healthz", "/api/clusters", "/sign-in"]) {
      const answer = await send(method, method === "CONNECT" ? "127.0.0.1:22" : path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "method_not_allowed", message: expect.any(String) } });
      expect(answer.headers.allow).toBeTruthy();
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("a page answers only GET and HEAD", async () => {
    const answer = await send("DELETE", "/sign-in");
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
    expect((await send("GET", "/sign-in")).status).toBe(200);
  });

  it("a method an API route does not declare gets 405 naming the methods it does serve", async () => {
    const answer = await send("PATCH", "/api/clusters");
    expect(answer.status).toBe(405);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "method_not_allowed" } });
    expect(String(answer.headers.allow).split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    const object = await send("POST", "/api/clusters/0190f2a0-0000-7000-8000-000000000001/objects/Kustomization/flux-system/apps/auto-sync");
    expect(String(object.headers.allow).split(", ").sort()).toEqual(["OPTIONS", "PUT"]);
  });
});

describe(`HTTPS as a trusted proxy reports it (${engine})`, () => {
  it("sends HSTS and a __Host- session cookie when the trusted proxy forwarded HTTPS", async () => {
    const page = await send("GET", "/sign-in", { from: TRUSTED_PROXY, headers: { "x-forwarded-proto": "https" } });
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect((await send("GET", "/sign-in", { from: TRUSTED_PROXY })).headers["strict-transport-security"]).toBeUndefined();

    const signedIn = await signIn({ from: TRUSTED_PROXY, headers: { "x-forwarded-proto": "https" } });
    expect(signedIn.status).toBe(200);
    const cookie = String(signedIn.headers["set-cookie"]);
    expect(cookie).toMatch(/^__Host-syncline_session=sls_/);
    expect(cookie).toContain("Secure");
  });

  it("sends neither when a client claims HTTPS itself", async () => {
    const page = await send("GET", "/sign-in", { headers: { "x-forwarded-proto": "https", "x-forwarded-for": TRUSTED_PROXY } });
    expect(page.headers["strict-transport-security"]).toBeUndefined();

    const signedIn = await signIn({ headers: { "x-forwarded-proto": "https", "x-forwarded-for": TRUSTED_PROXY } });
    expect(signedIn.status).toBe(200);
    const cookie = String(signedIn.headers["set-cookie"]);
    expect(cookie).toMatch(/^syncline_session=sls_/);
    expect(cookie).not.toContain("Secure");
  });
});

describe(`the session cookie (${engine})`, () => {
  it("a garbled session cookie gets 401 from the API and the sign-in page from the dashboard, never a 500", async () => {
    for (const cookie of ["syncline_session=%E0%A4%A", "syncline_session=%"]) {
      const answer = await send("GET", "/api/me", { headers: { cookie } });
      expect(answer.status, cookie).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "unauthenticated" } });
      const page = await send("GET", "/clusters", { headers: { cookie } });
      expect(page.status, cookie).toBe(307);
      expect(page.headers.location).toMatch(/^\/sign-in\?next=/);
    }
  });
});

async function freshPostgresDatabase(): Promise<string> {
  const name = `front_door_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: inject("databases").postgresAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return inject("databases").postgresAdmin.replace(/\/postgres$/, `/${name}`);
}
