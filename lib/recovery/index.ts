export { completeInterruptedIntents } from "./complete-interrupted-intents";
export { startIntentRecovery } from "./start-intent-recovery";
