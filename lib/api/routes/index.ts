import type { RouteDeclaration } from "../declare-route";
import { auditRoutes } from "./audit";
import { authRoutes } from "./auth";
import { clusterRoutes } from "./clusters";
import { driftRoutes } from "./drift";
import { eventRoutes } from "./events";
import { gitCredentialRoutes } from "./git-credentials";
import { pausePolicyRoutes } from "./pause-policies";
import { syncHistoryRoutes } from "./sync-history";
import { sourceRoutes } from "./sources";
import { systemRoutes } from "./system";
import { timelineRoutes } from "./timeline";
import { tokenRoutes } from "./tokens";
import { userRoutes } from "./users";

/** Every route Syncline serves: the OpenAPI document and the route × role test are built from this. */
export const allRoutes: readonly RouteDeclaration[] = [...systemRoutes, ...authRoutes, ...clusterRoutes, ...auditRoutes, ...eventRoutes, ...userRoutes, ...tokenRoutes, ...pausePolicyRoutes, ...driftRoutes, ...gitCredentialRoutes, ...syncHistoryRoutes, ...timelineRoutes, ...sourceRoutes];
