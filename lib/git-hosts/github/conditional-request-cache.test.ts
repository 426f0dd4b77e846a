import { describe, expect, it } from "vitest";
import { memoryConditionalRequestCache } from "./conditional-request-cache";

describe("memoryConditionalRequestCache", () => {
  it("keeps the most recently used answers within its bound", async () => {
    const cache = memoryConditionalRequestCache(2);
    const answer = (etag: string) => ({ etag, data: { etag }, url: `https://api.github.com/${etag}` });
    await cache.set("GET a", answer("a"));
    await cache.set("GET b", answer("b"));
    await cache.get("GET a");
    await cache.set("GET c", answer("c"));

    expect(await cache.get("GET a")).toEqual(answer("a"));
    expect(await cache.get("GET b")).toBeUndefined();
    expect(await cache.get("GET c")).toEqual(answer("c"));
  });
});
