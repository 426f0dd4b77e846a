export { auditActions, type AuditAction, type AuditOutcome, type ObjectOutcome } from "./actions";
export { recordAuditEvent, type AuditEventInput, type RequestOrigin } from "./record-audit-event";
export { recordIntent, type Intent } from "./record-intent";
export { listAuditEvents } from "./list-audit-events";
export { exportAuditCsv } from "./export-audit-csv";
export { verifyAuditChain, type AuditChainReport, type AuditChainProblem } from "./verify-audit-chain";
