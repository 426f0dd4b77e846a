import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedLockFile, openEmbeddedDatabase } from "../../lib/db/embedded-database";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "syncline-socket-"));
  dirs.push(dir);
  return dir;
}

/** TCP sockets this process listens on, by inode, from /proc (IPv4 and IPv6). */
function listeningTcpSockets(): Set<string> {
  const mine = new Set(
    readdirSync("/proc/self/fd").flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`))?.[1] ?? ""];
      } catch {
        return [];
      }
    }),
  );
  const listening = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((table) =>
    readFileSync(table, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A")
      .map((fields) => fields[9]!),
  );
  return new Set(listening.filter((inode) => mine.has(inode)));
}

async function answers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS n")).rows[0].n;
  } finally {
    await client.end();
  }
}

describe("the embedded database's socket", () => {
  it("is a Unix socket inside the data folder, in a directory only its owner may enter, and no TCP port", async () => {
    const dir = dataDir();
    const before = listeningTcpSockets();
    const database = await openEmbeddedDatabase(dir);
    try {
      expect(statSync(join(dir, "run", ".s.PGSQL.5432")).isSocket()).toBe(true);
      expect(statSync(join(dir, "run")).mode & 0o777).toBe(0o700);
      expect(new URL(database.url).searchParams.get("host")).toBe(join(dir, "run"));
      expect(await answers(database.url)).toBe(1);
      expect([...listeningTcpSockets()].filter((inode) => !before.has(inode))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("takes back a socket directory that was left open to others", async () => {
    const dir = dataDir();
    mkdirSync(join(dir, "run"), { mode: 0o755 });
    const database = await openEmbeddedDatabase(dir);
    try {
      expect(statSync(join(dir, "run")).mode & 0o777).toBe(0o700);
    } finally {
      await database.close();
    }
  });

  it("serves again on the same socket after an owner that died left its socket file behind", async () => {
    const dir = dataDir();
    mkdirSync(join(dir, "run"), { mode: 0o700 });
    writeFileSync(join(dir, "run", ".s.PGSQL.5432"), "");
    writeFileSync(embeddedLockFile(dir), JSON.stringify({ pid: 2 ** 22 + 12345, socketDir: join(dir, "run") }));
    const database = await openEmbeddedDatabase(dir);
    try {
      expect(await answers(`postgresql://postgres@localhost/postgres?host=${encodeURIComponent(join(dir, "run"))}`)).toBe(1);
    } finally {
      await database.close();
    }
  });
});
