import { isDeepStrictEqual } from "node:util";
import type { ZodType } from "zod";
import { isTextBody, type ResponseBody, type RouteDeclaration } from "./declare-route";

/**
 * Outside production every JSON answer is held against its declaration, so the specs that call
 * routes also prove that the OpenAPI document tells the truth. Parsing strips unknown keys, so
 * an answer equal to its own parse has no field the document does not name.
 */
export const responsesAreChecked = process.env.NODE_ENV !== "production";

export async function responseMismatch(declaration: RouteDeclaration, response: Response): Promise<string | undefined> {
  const declared = declaration.status ?? 200;
  const name = `${declaration.method.toUpperCase()} ${declaration.path}`;
  if (response.status !== declared && !declaration.alsoAnswers?.includes(response.status)) {
    return response.status < 400 ? `${name} answered ${response.status}, which it does not declare` : undefined;
  }
  if (!response.headers.get("content-type")?.startsWith("application/json")) return undefined;
  const bodies: readonly ResponseBody[] = Array.isArray(declaration.response) ? declaration.response : [declaration.response as ResponseBody];
  const schema = bodies.find((body): body is ZodType => !isTextBody(body));
  if (!schema) return `${name} answered JSON but declares none`;
  const json: unknown = await response.clone().json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) return `${name} answered against its schema: ${parsed.error.message}`;
  if (!isDeepStrictEqual(parsed.data, json)) return `${name} answered fields its schema does not declare`;
  return undefined;
}
