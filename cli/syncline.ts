import { CommanderError } from "commander";
import { createProgram } from "./program";

/**
 * `syncline`: administration straight on the configured database (DATABASE_URL, or the embedded
 * one in ./data, reached through a running Syncline's socket when one holds it).
 */
createProgram()
  .parseAsync(process.argv)
  .catch(async (error: unknown) => {
    if (error instanceof CommanderError) {
      // Help asked for exits 0; a usage mistake exits 2, as with other Unix tools.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const { reportError } = await import("./report-error");
    process.exitCode = reportError(error);
  });
