import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearedSessionCookie, clientIpOf, cookieValue, isHttps, originMatches, requestIdOf, sessionCookie, sessionTokenOf } from "./request-context";

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/api/x", { headers });

// Syncline's server appends the socket's peer to X-Forwarded-For, so the last hop is who connected.
const PROXY = "10.0.0.2";
const viaProxy = (headers: Record<string, string>, forwardedFor = "203.0.113.7") => request({ ...headers, "x-forwarded-for": `${forwardedFor}, ${PROXY}` });
const direct = (headers: Record<string, string>, peer = "198.51.100.9") => request({ ...headers, "x-forwarded-for": peer });

let savedSetting: string | undefined;
beforeEach(() => {
  savedSetting = process.env.SYNCLINE_TRUSTED_PROXIES;
  delete process.env.SYNCLINE_TRUSTED_PROXIES;
});
afterEach(() => {
  if (savedSetting === undefined) delete process.env.SYNCLINE_TRUSTED_PROXIES;
  else process.env.SYNCLINE_TRUSTED_PROXIES = savedSetting;
});
const trust = (setting: string) => (process.env.SYNCLINE_TRUSTED_PROXIES = setting);

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

  it("follows the host a trusted proxy forwarded", () => {
    trust(PROXY);
    expect(originMatches(viaProxy({ host: "10.0.0.5:3000", "x-forwarded-host": "syncline.example.com", origin: "https://syncline.example.com" }))).toBe(true);
  });

  it("ignores a forwarded host that the client wrote itself", () => {
    expect(originMatches(direct({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example", origin: "https://evil.example" }))).toBe(false);
  });
});

describe("the client address in the audit record", () => {
  it("is the peer that connected when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientIpOf(viaProxy({}, "1.2.3.4"))).toBe(PROXY);
    expect(clientIpOf(direct({}, "203.0.113.50"))).toBe("203.0.113.50");
  });

  it("is the hop a trusted proxy saw, not what the client wrote before it", () => {
    trust(`${PROXY}, 192.0.2.0/24`);
    expect(clientIpOf(request({ "x-forwarded-for": `6.6.6.6, 203.0.113.7, 192.0.2.40, ${PROXY}` }))).toBe("203.0.113.7");
  });

  it("understands IPv6, CIDR ranges, IPv4-mapped peers and ports", () => {
    trust("2001:db8::/32, 10.0.0.0/8");
    expect(clientIpOf(request({ "x-forwarded-for": "203.0.113.7, 2001:db8::1" }))).toBe("203.0.113.7");
    expect(clientIpOf(request({ "x-forwarded-for": "[2001:db8:ffff::7]:4431, ::ffff:198.51.100.3" }))).toBe("198.51.100.3");
    expect(clientIpOf(request({ "x-forwarded-for": "198.51.100.3:5123, ::ffff:10.1.2.3" }))).toBe("198.51.100.3");
  });

  it("is unknown when the hop a trusted proxy names is no address, rather than a spoofed one", () => {
    trust(PROXY);
    expect(clientIpOf(viaProxy({}, "6.6.6.6, unknown"))).toBeNull();
  });

  it("is unknown without any peer information", () => {
    expect(clientIpOf(request({}))).toBeNull();
  });

  it("refuses a setting that is not an address or range", () => {
    trust("10.0.0.0/33");
    expect(() => clientIpOf(direct({}))).toThrow(/SYNCLINE_TRUSTED_PROXIES/);
    trust("proxy.internal");
    expect(() => clientIpOf(direct({}))).toThrow(/SYNCLINE_TRUSTED_PROXIES/);
  });
});

describe("HTTPS", () => {
  it("is believed from a trusted proxy", () => {
    trust(PROXY);
    expect(isHttps(viaProxy({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps(viaProxy({ "x-forwarded-proto": "http" }))).toBe(false);
  });

  it("cannot be claimed by the client itself", () => {
    expect(isHttps(direct({ "x-forwarded-proto": "https" }))).toBe(false);
    trust(PROXY);
    expect(isHttps(direct({ "x-forwarded-proto": "https" }, `${PROXY}, 198.51.100.9`))).toBe(false);
  });
});

describe("the session cookie", () => {
  it("is __Host-syncline_session, Secure, on Path=/ and without Domain over HTTPS", () => {
    trust(PROXY);
    const cookie = sessionCookie(viaProxy({ "x-forwarded-proto": "https" }), "sls_abc", new Date("2030-01-01T00:00:00Z"));
    expect(cookie).toMatch(/^__Host-syncline_session=sls_abc; /);
    expect(cookie).toContain("; Secure");
    expect(cookie).toContain("; Path=/");
    expect(cookie).toContain("; HttpOnly");
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("is the plain syncline_session over HTTP, where browsers refuse __Host- cookies", () => {
    const cookie = sessionCookie(direct({}), "sls_abc", new Date("2030-01-01T00:00:00Z"));
    expect(cookie).toMatch(/^syncline_session=sls_abc; /);
    expect(cookie).not.toContain("Secure");
  });

  it("is cleared under the name that applies", () => {
    trust(PROXY);
    expect(clearedSessionCookie(viaProxy({ "x-forwarded-proto": "https" }))).toMatch(/^__Host-syncline_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(clearedSessionCookie(direct({}))).toMatch(/^syncline_session=; /);
  });

  it("is read only under the name that applies to the scheme", () => {
    trust(PROXY);
    const both = "syncline_session=sls_plain; __Host-syncline_session=sls_host";
    expect(sessionTokenOf(viaProxy({ cookie: both, "x-forwarded-proto": "https" }))).toBe("sls_host");
    expect(sessionTokenOf(viaProxy({ cookie: "syncline_session=sls_planted", "x-forwarded-proto": "https" }))).toBeUndefined();
    expect(sessionTokenOf(direct({ cookie: both }))).toBe("sls_plain");
  });

  it("is no session when garbled, instead of an error", () => {
    expect(cookieValue(direct({ cookie: "syncline_session=%E0%A4%A" }), "syncline_session")).toBeUndefined();
    expect(cookieValue(direct({ cookie: "syncline_session=%" }), "syncline_session")).toBeUndefined();
    expect(sessionTokenOf(direct({ cookie: "syncline_session=%E0%A4%A" }))).toBeUndefined();
  });

  it("is found among several cookies and decoded", () => {
    expect(cookieValue(request({ cookie: "a=1; syncline_session=sls_x%3D; b=2" }), "syncline_session")).toBe("sls_x=");
  });
});

describe("request metadata", () => {
  it("keeps a sane caller-supplied request id and replaces an unsafe one", () => {
    expect(requestIdOf(request({ "x-request-id": "abc-123" }))).toBe("abc-123");
    expect(requestIdOf(request({ "x-request-id": "bad id; drop" }))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
