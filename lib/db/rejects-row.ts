/**
 * Whether PostgreSQL refused a statement because of the data in it (SQLSTATE class 22, data
 * exception, or 23, integrity constraint violation), so that the same rows will fail again
 * however often they are retried. Any other failure (connection lost, table missing, server
 * shutting down) says nothing about the rows and passes with time.
 */
export function rejectsRow(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith("22") || state.startsWith("23"));
}

// Prisma's driver adapters keep the server's SQLSTATE as `originalCode`.
function sqlState(error: unknown): string | undefined {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" ? cause.originalCode : undefined;
}
