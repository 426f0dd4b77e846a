export { inventory, Inventory, type InventoryOptions } from "./inventory";
export type { ClusterRecord } from "./snapshot-store";
export { fleetEventStream } from "./fleet-event-stream";
export { liveCluster, type LiveCluster } from "./live-cluster";
