import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbeddedDatabase } from "../../lib/db/embedded-database";
import { syncline } from "../support/cli";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The CLI with no DATABASE_URL: the embedded database in SYNCLINE_DATA_DIR, as after `npm ci`. */
function embeddedEnv() {
  const dir = mkdtempSync(join(tmpdir(), "syncline-cli-"));
  dirs.push(dir);
  return { dataDir: dir, env: { DATABASE_URL: "", SYNCLINE_DATA_DIR: dir } };
}

describe("the CLI on the embedded database", () => {
  it("opens it itself when no server holds it, and keeps what it wrote", async () => {
    const { env } = embeddedEnv();
    expect((await syncline(["user", "add", "first", "--role", "admin"], { env })).status).toBe(0);
    const listed = await syncline(["user", "list", "--json"], { env });
    expect(JSON.parse(listed.stdout).map((u: { name: string }) => u.name)).toEqual(["first"]);
  });

  it("goes through the running server's socket instead of opening the folder a second time", async () => {
    const { dataDir, env } = embeddedEnv();
    const running = await openEmbeddedDatabase(dataDir);
    try {
      const added = await syncline(["user", "add", "while-running", "--role", "viewer"], { env });
      expect(added.stderr).toBe("");
      expect(added.status).toBe(0);
      const listed = await syncline(["user", "list", "--json"], { env });
      expect(JSON.parse(listed.stdout).map((u: { name: string }) => u.name)).toContain("while-running");
    } finally {
      await running.close();
    }
  });
});
