import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { readJsonBody } from "./read-body";

/** A chunked upload with no Content-Length, produced only as fast as Syncline pulls it. */
function chunkedUpload(chunks: () => Iterator<Uint8Array>) {
  const upload = { pulledBytes: 0, cancelled: false };
  const source = chunks();
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = source.next();
        if (next.done) return controller.close();
        upload.pulledBytes += next.value.byteLength;
        controller.enqueue(next.value);
      },
      cancel() {
        upload.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://syncline.test/api/test", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, upload };
}

describe("reading a JSON body", () => {
  it("reads a chunked body up to the limit, and refuses a longer one with 413 at most one chunk past the limit", async () => {
    const limit = 64 * 1024;
    const chunk = 16 * 1024;
    const parts = ['{"name":', '"ünïcode",', '"n":1}'].map((part) => new TextEncoder().encode(part));
    const small = chunkedUpload(() => parts.values());
    await expect(readJsonBody(small.request, z.object({ name: z.string(), n: z.number() }), limit)).resolves.toEqual({ name: "ünïcode", n: 1 });

    const huge = chunkedUpload(function* () {
      for (let i = 0; i < 1024; i++) yield new Uint8Array(chunk).fill(0x20);
    });
    const refusal = await readJsonBody(huge.request, z.unknown(), limit).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(huge.upload.pulledBytes).toBeLessThanOrEqual(limit + chunk);
    await expect.poll(() => huge.upload.cancelled).toBe(true);
  });
});
