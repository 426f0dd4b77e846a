import { pageOf } from "../../fleet/dto";
import { objectHistoryParams, objectHistoryQuery } from "../../schemas/sync-history-input";
import { syncRecord } from "../../schemas/timeline";
import { declareRoute } from "../declare-route";

export const listObjectHistoryRoute = declareRoute({
  method: "get",
  path: "/api/clusters/{id}/objects/{kind}/{namespace}/{name}/history",
  summary: "One Flux object's sync history (fetched, progressing, applied, failed, with Flux's own timestamps), newest first",
  permission: "read",
  params: objectHistoryParams,
  query: objectHistoryQuery,
  response: pageOf(syncRecord),
});

export const syncHistoryRoutes = [listObjectHistoryRoute];
