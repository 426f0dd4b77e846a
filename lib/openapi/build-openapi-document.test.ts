import { describe, expect, it } from "vitest";
import { openApiDocument } from "./build-openapi-document";

type Operation = { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; parameters: Array<{ name: string; in: string }> };

describe("the OpenAPI document", () => {
  const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };

  it("is OpenAPI 3.1 and lists every cluster, auto-sync, reconcile, audit and events route", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/clusters",
        "/api/clusters/{id}",
        "/api/clusters/{id}/objects",
        "/api/clusters/{id}/objects/{kind}/{namespace}/{name}",
        "/api/clusters/{id}/auto-sync",
        "/api/clusters/{id}/objects/{kind}/{namespace}/{name}/auto-sync",
        "/api/clusters/{id}/reconcile",
        "/api/clusters/{id}/objects/{kind}/{namespace}/{name}/reconcile",
        "/api/audit",
        "/api/events",
      ]),
    );
  });

  it("describes request bodies with the same zod schemas that validate them", () => {
    const body = document.paths["/api/clusters/{id}/auto-sync"]!.put!.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(body.properties ?? {})).toEqual(["enabled", "reason", "until"]);
    expect(body.required).toEqual(["enabled"]);
    const add = document.paths["/api/clusters"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(add.required).toEqual(["name", "kubeconfig"]);
  });

  it("lists path and query parameters", () => {
    const audit = document.paths["/api/audit"]!.get!;
    expect(audit.parameters.map((p) => p.name)).toEqual(["cluster", "actor", "action", "from", "to", "cursor", "limit", "format"]);
    expect(document.paths["/api/clusters/{id}"]!.get!.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }]);
  });
});
