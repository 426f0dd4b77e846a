import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { permissionOf, type RouteDeclaration } from "@/lib/api/declare-route";
import { allRoutes } from "@/lib/api/routes";
import { roleAllows } from "@/lib/auth/permissions";
import { hashOpaqueToken } from "@/lib/auth/opaque-token";
import { db } from "@/lib/db/client";
import { ORIGIN } from "../support/http";
import { newUser } from "../support/users";

/**
 * Generated from the route declarations: every declared route, called as nobody, with a revoked
 * token, and as each role. A new declaration, or a new route file, is covered without touching
 * this file.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Caller = "no auth" | "revoked token" | "viewer" | "operator" | "admin";

const apiRoot = resolve(import.meta.dirname, "../../app/api");
const routeFiles = readdirSync(apiRoot, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("route.ts"));
/** app/api/clusters/[id]/route.ts serves /api/clusters/{id}. */
const pathOfFile = (file: string) => `/api/${file.replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "");
const fileOfPath = (path: string) => routeFiles.find((file) => pathOfFile(file) === path);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Values that pass each parameter's own schema, so a request reaches the handler's checks. */
const candidates: Record<string, string[]> = { kind: ["Kustomization"], namespace: ["flux-system"], name: ["apps"] };
function validParams(route: RouteDeclaration): Record<string, string> {
  const shape = (route.params?.shape ?? {}) as Record<string, ZodType>;
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => {
      const value = [...(candidates[key] ?? []), randomUUID(), "x", "apps"].find((v) => schema.safeParse(v).success);
      if (value === undefined) throw new Error(`no sample value passes ${route.path}'s {${key}}; add one to the candidates`);
      return [key, value];
    }),
  );
}

async function invoke(route: RouteDeclaration, token: string | undefined): Promise<number> {
  const { [route.method.toUpperCase()]: handler } = (await import(join(apiRoot, fileOfPath(route.path)!))) as Record<string, Handler>;
  const params = validParams(route);
  const url = ORIGIN + route.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key]!));
  const headers = new Headers({ host: "syncline.test", origin: ORIGIN, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  // An empty object is valid JSON that no body schema with required fields accepts: nothing changes.
  if (route.body) headers.set("content-type", "application/json");
  const abort = new AbortController();
  const request = new Request(url, { method: route.method.toUpperCase(), headers, body: route.body ? "{}" : undefined, signal: abort.signal });
  const response = await handler!(request, { params: Promise.resolve(params) });
  // The event stream never ends by itself; its status is all this test needs.
  abort.abort();
  await response.body?.cancel();
  return response.status;
}

const tokens = new Map<Caller, string | undefined>([["no auth", undefined]]);

beforeAll(async () => {
  for (const role of ["viewer", "operator", "admin"] as const) tokens.set(role, await (await newUser(role)).token());
  const revoked = await (await newUser("admin")).token();
  await db().apiToken.updateMany({ where: { tokenHash: hashOpaqueToken(revoked) }, data: { revokedAt: new Date() } });
  tokens.set("revoked token", revoked);
});

describe("the route declarations and the route files", () => {
  it("match one to one: every declaration has its file and handler, every exported handler its declaration", async () => {
    const declared = new Set(allRoutes.map((route) => `${route.method.toUpperCase()} ${route.path}`));
    for (const route of allRoutes) expect(fileOfPath(route.path), `app/api file for ${route.path}`).toBeDefined();
    for (const file of routeFiles) {
      const handlers = (await import(join(apiRoot, file))) as Record<string, unknown>;
      for (const method of Object.keys(handlers).filter((name) => METHODS.includes(name))) {
        expect(declared.has(`${method} ${pathOfFile(file)}`), `${method} exported by ${relative(process.cwd(), join(apiRoot, file))} has a declaration`).toBe(true);
      }
    }
  });
});

describe.each(allRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))("%s", (_, route) => {
  const permission = permissionOf(route);
  const callers: Caller[] = ["no auth", "revoked token", "viewer", "operator", "admin"];

  it.each(callers)("as %s", async (caller) => {
    const status = await invoke(route, tokens.get(caller));
    if (!permission) {
      expect(status, "a public route asks no one for credentials").not.toBe(401);
      expect(status).not.toBe(403);
    } else if (caller === "no auth" || caller === "revoked token") {
      expect(status).toBe(401);
    } else if (!roleAllows(caller, permission)) {
      expect(status).toBe(403);
    } else {
      expect([401, 403]).not.toContain(status);
      expect(status, "an allowed call never fails on Syncline's side").toBeLessThan(500);
    }
  });
});
