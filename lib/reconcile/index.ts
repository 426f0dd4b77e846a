export { reconcileCluster } from "./reconcile-cluster";
export { reconcileObject } from "./reconcile-object";
