import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here rather than from schema.prisma. Only the CLI uses it:
// Syncline itself connects through lib/db with a driver adapter, and applies migrations with
// its own runner (lib/db/migrate.ts), because the schema engine cannot be downloaded here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/syncline" },
});
