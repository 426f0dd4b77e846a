import { z } from "zod";
import { pageOf } from "../../fleet/dto";
import { clusterParams } from "../../schemas/clusters";
import { deployment, runningNow, sourceRepository, timeline } from "../../schemas/timeline";
import { deploymentsQuery, timelineQuery } from "../../schemas/timeline-input";
import { csvBody, declareRoute } from "../declare-route";

export const getTimelineRoute = declareRoute({
  method: "get",
  path: "/api/timeline",
  summary: "One source repository's commits, newest first, with where each stands on every cluster (fetched, applied, failed, held), suspension windows and rewrites",
  permission: "read",
  query: timelineQuery,
  response: timeline,
  errors: [404, 431],
});

export const listDeploymentsRoute = declareRoute({
  method: "get",
  path: "/api/deployments",
  summary: "Who deployed what and when: deployments newest first with their commits, authors, mergers, trigger and lead times (format=csv for a CSV export)",
  permission: "read",
  query: deploymentsQuery,
  response: [pageOf(deployment), csvBody],
  // Up to 200 cluster ids fit the query; a longer request line is refused before the route, with 431.
  errors: [431],
});

export const listRepositoriesRoute = declareRoute({
  method: "get",
  path: "/api/repositories",
  summary: "The Git repositories the fleet's sources pull, with whether their commits can be read and the GitHub rate-limit budget",
  permission: "read",
  response: z.array(sourceRepository),
});

export const getRunningNowRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}/running",
  summary: "What a cluster runs now: each reconciler's applied revision with its commit, author and age, and its recent deployments",
  permission: "read",
  params: clusterParams,
  response: runningNow,
});

export const timelineRoutes = [getTimelineRoute, listDeploymentsRoute, listRepositoriesRoute, getRunningNowRoute];
