import { describe, expect, it } from "vitest";
import { isTextBody, permissionOf } from "../api/declare-route";
import { allRoutes } from "../api/routes";
import { openApiDocument } from "./build-openapi-document";

type Schema = { $ref?: string; properties?: Record<string, unknown>; required?: string[] };
type Operation = {
  description: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
const document = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, Operation>> };
const operationOf = (path: string, method: string) => document.paths[path]?.[method];

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and holds exactly the declared routes, including /api/me, sign-in, sign-out, health and events", () => {
    expect(document.openapi).toBe("3.1.0");
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(allRoutes.map((route) => `${route.method} ${route.path}`).sort());
    for (const path of ["/api/me", "/api/auth/sign-in", "/api/auth/sign-out", "/api/healthz", "/api/readyz", "/api/openapi.json", "/api/events", "/api/audit"]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
  });

  it("gives every operation its success response with a schema, or says there is no body", () => {
    for (const route of allRoutes) {
      const success = operationOf(route.path, route.method)!.responses[String(route.status ?? 200)];
      expect(success, `${route.method} ${route.path}`).toBeDefined();
      const bodies = Array.isArray(route.response) ? route.response : [route.response];
      const declaresContent = bodies.some((body) => !isTextBody(body) || body.contentType !== "none");
      if (declaresContent) {
        expect(Object.values(success!.content ?? {}).every((media) => media.schema), `${route.method} ${route.path}`).toBe(true);
      } else {
        expect(success!.content).toBeUndefined();
      }
    }
  });

  it("serves the audit trail as JSON or CSV, and the events as a server-sent stream", () => {
    expect(Object.keys(operationOf("/api/audit", "get")!.responses["200"]!.content!)).toEqual(["application/json", "text/csv"]);
    expect(Object.keys(operationOf("/api/events", "get")!.responses["200"]!.content!)).toEqual(["text/event-stream"]);
  });

  it("documents the error answers each route can give, with the Error schema", () => {
    const remove = operationOf("/api/clusters/{id}", "delete")!.responses;
    expect(Object.keys(remove)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "422"]));
    expect(remove["403"]!.content!["application/json"]!.schema!.$ref).toBe("#/components/schemas/Error");
    const add = operationOf("/api/clusters", "post")!.responses;
    expect(Object.keys(add)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "409", "413", "415", "422"]));
    const health = operationOf("/api/healthz", "get")!;
    expect(Object.keys(health.responses)).not.toContain("401");
    expect(health.security).toEqual([]);
  });

  it("states each route's role, from the same permission that the route enforces", () => {
    for (const route of allRoutes) {
      const permission = permissionOf(route);
      const description = operationOf(route.path, route.method)!.description;
      expect(description).toContain(permission ? `(${permission})` : "Needs no session");
    }
  });

  it("describes request bodies and parameters with the zod schemas that validate them", () => {
    const body = operationOf("/api/clusters/{id}/auto-sync", "put")!.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(body.properties ?? {})).toEqual(["enabled", "reason", "until"]);
    expect(body.required).toEqual(["enabled"]);
    const object = operationOf("/api/clusters/{id}/objects/{kind}/{namespace}/{name}", "get")!;
    expect(object.parameters!.map((p) => [p.in, p.name, p.required])).toEqual([
      ["path", "id", true],
      ["path", "kind", true],
      ["path", "namespace", true],
      ["path", "name", true],
    ]);
    expect(operationOf("/api/audit", "get")!.parameters!.map((p) => p.name)).toEqual(["cluster", "actor", "action", "from", "to", "cursor", "limit", "format"]);
  });
});
