export { createApiToken } from "./create-api-token";
export { listApiTokens } from "./list-api-tokens";
export { revokeApiToken, type ApiTokenRef } from "./revoke-api-token";
