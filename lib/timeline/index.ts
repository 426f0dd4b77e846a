export { deploymentsCsv } from "./deployments-csv";
export { exportDeploymentsCsv } from "./export-deployments-csv";
export { getRunningNow } from "./get-running-now";
export { getTimeline, type TimelineFilter } from "./get-timeline";
export { listDeployments } from "./list-deployments";
export { listRepositories } from "./list-repositories";
