import { describe, expect, it } from "vitest";
import { clientIpOf, cookieValue, originMatches, requestIdOf } from "./request-context";

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/api/x", { headers });

describe("the Origin check", () => {
  it("accepts Syncline's own origin", () => {
    expect(originMatches(request({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
  });

  it("refuses another site, another port, a missing or a garbled Origin", () => {
    expect(originMatches(request({ host: "localhost:3000", origin: "https://evil.example" }))).toBe(false);
    expect(originMatches(request({ host: "localhost:3000", origin: "http://localhost:4000" }))).toBe(false);
    expect(originMatches(request({ host: "localhost:3000" }))).toBe(false);
    expect(originMatches(request({ host: "localhost:3000", origin: "null" }))).toBe(false);
  });

  it("follows the host a proxy forwarded", () => {
    expect(originMatches(request({ host: "10.0.0.5:3000", "x-forwarded-host": "syncline.example.com", origin: "https://syncline.example.com" }))).toBe(true);
  });
});

describe("request metadata", () => {
  it("keeps a sane caller-supplied request id and replaces an unsafe one", () => {
    expect(requestIdOf(request({ "x-request-id": "abc-123" }))).toBe("abc-123");
    expect(requestIdOf(request({ "x-request-id": "bad id; drop" }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes the first address of x-forwarded-for as the client", () => {
    expect(clientIpOf(request({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIpOf(request({}))).toBeNull();
  });

  it("reads one cookie among several", () => {
    expect(cookieValue(request({ cookie: "a=1; syncline_session=sls_x%3D; b=2" }), "syncline_session")).toBe("sls_x=");
  });
});
