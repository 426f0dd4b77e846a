import type { Command } from "commander";
import type { WithDatabase } from "./with-database";

/** `syncline audit verify`: checks the audit trail's hash chain; exit code 1 when it is broken. */
export function registerAuditCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command("audit")
    .description("Inspect the audit trail")
    .command("verify")
    .description("Check that no audit record was edited or deleted; names the first broken record")
    .action(async () => {
      const report = await withDatabase(async () => {
        const { verifyAuditChain } = await import("../lib/audit");
        return verifyAuditChain();
      });
      const broken = report.firstBroken;
      if (!broken) {
        const last = report.last ? `, newest #${report.last.seq} ${report.last.hash}` : "";
        console.log(`Audit chain OK: ${report.checked} records${last}`);
        return;
      }
      const where = broken.seq === null ? "outside the chain" : `#${broken.seq}`;
      const hint = broken.problem === "hash mismatch" ? " (edited, or SYNCLINE_SECRET_KEY is not the key it was written with)" : "";
      console.error(`syncline: audit chain broken at record ${where} ${broken.id} (${broken.action} at ${broken.at}): ${broken.problem}${hint}`);
      console.error(`syncline: ${report.checked} records before it are intact`);
      process.exitCode = 1;
    });
}
