export { suspendCluster, type SuspendOptions } from "./suspend-cluster";
export { resumeCluster } from "./resume-cluster";
export { setClusterAutoSync } from "./set-cluster-auto-sync";
export { setObjectAutoSync } from "./set-object-auto-sync";
export { expireSuspensions } from "./expire-suspensions";
export { startExpiryWorker } from "./start-expiry-worker";
