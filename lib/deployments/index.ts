export { buildDeployments, type BuildCounts, type BuildOptions } from "./build-deployments";
export { classifyChange, type Ancestry } from "./classify-change";
export { findTrigger, type DeploymentTrigger } from "./find-trigger";
export { startDeploymentBuilder } from "./start-deployment-builder";
export { deploymentInclude, toDeploymentDto, type DeploymentRow } from "./to-deployment-dto";
