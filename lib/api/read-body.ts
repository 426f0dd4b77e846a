import type { ZodType } from "zod";
import { AppError } from "../errors/app-error";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads and validates a JSON body, refusing oversized, non-JSON and malformed input up front. */
export async function readJsonBody<T>(request: Request, schema: ZodType<T>, maxBytes = MAX_BODY_BYTES): Promise<T> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
  }
  const text = await readTextUpTo(request, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
  return schema.parse(parsed);
}

/**
 * Reads the body chunk by chunk and gives up as soon as it passes the limit, cancelling the
 * stream: a chunked body has no Content-Length to refuse up front, and buffering it whole first
 * would let any caller make Syncline hold as much memory as it cares to send.
 */
async function readTextUpTo(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: a sender that stalls must not hold the refusal up.
      reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`);
}
