export { suspendCluster, type SuspendOptions } from "./suspend-cluster";
export { resumeCluster } from "./resume-cluster";
export { previewClusterResume } from "./preview-cluster-resume";
export { setClusterAutoSync } from "./set-cluster-auto-sync";
export { setObjectAutoSync } from "./set-object-auto-sync";
export { expireSuspensions } from "./expire-suspensions";
export { startExpiryWorker } from "./start-expiry-worker";
