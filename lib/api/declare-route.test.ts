import { z } from "zod";
import { describe, expect, it } from "vitest";
import { declareRoute, permissionOf, type RouteDeclaration } from "./declare-route";
import { allRoutes } from "./routes";

const MUTATING = ["post", "put", "patch", "delete"];

describe("route declarations", () => {
  it("give every mutating route that needs a session a permission", () => {
    const mutating = allRoutes.filter((route) => MUTATING.includes(route.method) && (route.auth ?? "session") === "session");
    expect(mutating.length).toBeGreaterThan(0);
    for (const route of mutating) expect(route.permission, `${route.method} ${route.path}`).toBeDefined();
  });

  it("declare a route only once, with a schema for every path parameter", () => {
    const keys = allRoutes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of allRoutes) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(Object.keys(route.params?.shape ?? {}).sort(), `${route.method} ${route.path}`).toEqual(inPath.sort());
    }
  });

  it("refuse a mutating route without a permission, at compile time and at run time", () => {
    const loose = { method: "delete", path: "/api/things/{id}", summary: "Delete a thing", response: z.object({}) } as const;
    // @ts-expect-error a DELETE must name its permission
    expect(() => declareRoute(loose)).toThrow("DELETE /api/things/{id} mutates and must declare a permission");
    expect(() => declareRoute({ ...loose, permission: "clusters.manage" })).not.toThrow();
  });

  it("refuse a permission on a route that needs no session", () => {
    const declaration = { method: "get", path: "/api/open", summary: "Open", auth: "none", permission: "read", response: z.object({}) } as unknown as RouteDeclaration;
    expect(() => declareRoute(declaration)).toThrow("needs no session");
  });

  it("open a GET without a permission to every signed-in user", () => {
    expect(permissionOf(declareRoute({ method: "get", path: "/api/x", summary: "X", response: z.object({}) }))).toBe("read");
    expect(permissionOf(declareRoute({ method: "get", path: "/api/x", summary: "X", auth: "none", response: z.object({}) }))).toBeUndefined();
  });
});
