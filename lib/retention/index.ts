export { enforceRetention, type EnforceOptions, type RetainedKind, type RetentionCounts } from "./enforce-retention";
export { retentionSettingsFromEnv, type RetentionPeriod, type RetentionSettings } from "./retention-settings";
export { startRetentionJob } from "./start-retention-job";
