/**
 * Durable sync history (docs/sync-history.md): the steps Flux objects show (fetched, progressing,
 * applied, failed) with Flux's own timestamps, recorded by the leader's collector and rebuilt from
 * status after a restart, failover or reconnect.
 */
export { listObjectHistory } from "./list-object-history";
export { startSyncHistoryCollector, type SyncHistoryCollector, type SyncHistoryCollectorOptions } from "./start-sync-history-collector";
export { createSyncRecordWriter, type SyncRecordRow, type SyncRecordWriter, type SyncRecordWriterOptions } from "./sync-record-writer";
export { stepKey, type SyncStep } from "./sync-step";
export { syncStepsOf, type SyncStepsOptions } from "./sync-steps-of";
export { toSyncRecordDto } from "./to-sync-record-dto";
