import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { EmulatorExchange } from "./github-emulator";

interface OpenApiResponse {
  $ref?: string;
  content?: Record<string, { schema?: object }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, object>; responses: Record<string, OpenApiResponse> };
}

/** GitHub's error body, which every operation may answer with for 401, 403 and 429 even where it lists none. */
const GENERIC_ERROR_STATUSES = new Set([401, 403, 404, 422, 429]);

let document: OpenApiDocument | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** GitHub's own OpenAPI description of api.github.com, as @octokit/openapi ships it. */
function githubOpenApi(): { document: OpenApiDocument; ajv: Ajv } {
  if (!document || !ajv) {
    const path = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
    document = JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
    // strict off: the description carries OpenAPI keywords (example, discriminator, x-github) that are no JSON Schema.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "https://api.github.com/openapi", components: withJsonSchemaNulls(document.components) });
  }
  return { document, ajv };
}

function schemaFor(exchange: EmulatorExchange): object | string {
  const { document: spec } = githubOpenApi();
  if (!exchange.operation) return `no GitHub operation answers ${exchange.method} ${exchange.path}`;
  const operation = spec.paths[exchange.operation]?.[exchange.method.toLowerCase()];
  if (!operation) return `GitHub has no operation ${exchange.method} ${exchange.operation}`;
  let response = operation.responses[String(exchange.status)];
  if (!response && GENERIC_ERROR_STATUSES.has(exchange.status)) return { $ref: "#/components/schemas/basic-error" };
  if (!response) return `GitHub does not answer ${exchange.method} ${exchange.operation} with ${exchange.status}`;
  if (response.$ref) response = spec.components.responses[response.$ref.replace("#/components/responses/", "")] ?? {};
  return response.content?.["application/json"]?.schema ?? {};
}

/**
 * How an emulator answer departs from GitHub's OpenAPI description of the same operation and
 * status: one line per violation, none when it conforms. A 304 must carry no body.
 */
export function githubContractViolations(exchange: EmulatorExchange): string[] {
  const where = `${exchange.method} ${exchange.path} → ${exchange.status}`;
  if (exchange.status === 304) return exchange.body === undefined ? [] : [`${where}: a 304 carries no body`];
  const schema = schemaFor(exchange);
  if (typeof schema === "string") return [`${where}: ${schema}`];
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = githubOpenApi().ajv.compile(withJsonSchemaNulls(rebase(schema)) as object);
    validators.set(key, validate);
  }
  if (validate(exchange.body)) return [];
  return (validate.errors ?? []).map((error) => `${where}: ${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}

/** Local references (#/components/…) resolve against the description, not the response schema. */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"https://api.github.com/openapi#/components/')) as object;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema says it: `null` joins the type, or, where the
 * schema has no type of its own (an allOf, a $ref), the schema becomes "null or this".
 */
function withJsonSchemaNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withJsonSchemaNulls);
  if (typeof node !== "object" || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withJsonSchemaNulls(value)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") {
    const enumerated = Array.isArray(converted.enum) ? { enum: [...(converted.enum as unknown[]), null] } : {};
    return { ...converted, ...enumerated, type: [converted.type, "null"] };
  }
  return { anyOf: [{ type: "null" }, converted] };
}
