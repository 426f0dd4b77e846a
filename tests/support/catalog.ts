/**
 * A comparable description of a database schema: tables, columns (type, nullability, default),
 * enums, indexes and constraints. Prisma's own bookkeeping table is left out.
 */
export const CATALOG_QUERIES = {
  columns: `
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
           character_maximum_length, numeric_precision, datetime_precision
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`,
  enums: `
    SELECT t.typname, e.enumlabel, e.enumsortorder
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    ORDER BY t.typname, e.enumsortorder`,
  indexes: `
    SELECT tablename, indexname, indexdef
    FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    ORDER BY tablename, indexname`,
  constraints: `
    SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
    ORDER BY table_name, c.conname`,
} as const;

export type Catalog = Record<keyof typeof CATALOG_QUERIES, unknown[]>;

export async function readCatalog(query: (sql: string) => Promise<unknown[]>): Promise<Catalog> {
  const catalog: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(CATALOG_QUERIES)) catalog[name] = normalise(await query(sql));
  return catalog as Catalog;
}

/** Lines present in one catalog and not the other, for a readable failure message. */
export function catalogDifferences(expected: Catalog, actual: Catalog): string[] {
  const lines = (catalog: Catalog) =>
    new Set(Object.entries(catalog).flatMap(([name, rows]) => rows.map((row) => `${name}: ${JSON.stringify(row)}`)));
  const want = lines(expected);
  const have = lines(actual);
  return [
    ...[...want].filter((line) => !have.has(line)).map((line) => `missing from migrations: ${line}`),
    ...[...have].filter((line) => !want.has(line)).map((line) => `only in migrations: ${line}`),
  ];
}

function normalise(rows: unknown[]): unknown[] {
  return rows.map((row) => JSON.parse(JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? Number(value) : value))));
}
