import { BlockList, isIP } from "node:net";

/**
 * SYNCLINE_TRUSTED_PROXIES names the reverse proxies whose X-Forwarded-* headers Syncline
 * believes: comma-separated addresses or CIDR ranges ("10.0.0.0/8, 2001:db8::1"). Empty trusts
 * none, so a client can never choose its own audit address or claim HTTPS.
 */
export function parseTrustedProxies(setting: string): BlockList {
  const list = new BlockList();
  for (const entry of setting.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || rest.length || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && prefix !== ""))) {
      throw new Error(`SYNCLINE_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

let cached: { setting: string; list: BlockList } | undefined;

/** Whether a hop is one of the configured proxies. Read per call so tests and restarts see changes. */
export function isTrustedProxy(address: string | null | undefined): boolean {
  if (!address) return false;
  const family = isIP(address);
  if (!family) return false;
  const setting = process.env.SYNCLINE_TRUSTED_PROXIES ?? "";
  if (cached?.setting !== setting) cached = { setting, list: parseTrustedProxies(setting) };
  return cached.list.check(address, family === 6 ? "ipv6" : "ipv4");
}
