import { changeOwnPasswordInput, passwordChanged } from "../../schemas/account";
import { apiTokenList, apiTokenParams, apiTokenSummary, createdApiToken, newApiTokenInput } from "../../schemas/tokens";
import { declareRoute } from "../declare-route";

// What every user manages about their own access: their API tokens and their password. Each
// needs only "read", the permission every role holds; ownership is checked in lib/tokens.

export const listTokensRoute = declareRoute({
  method: "get",
  path: "/api/tokens",
  summary: "My API tokens, newest first (never their secrets)",
  response: apiTokenList,
});

export const createTokenRoute = declareRoute({
  method: "post",
  path: "/api/tokens",
  summary: "Create an API token for myself; the answer holds its secret, shown this once",
  permission: "read",
  body: newApiTokenInput,
  maxBodyBytes: 4096,
  response: createdApiToken,
  status: 201,
  errors: [409],
});

export const revokeTokenRoute = declareRoute({
  method: "delete",
  path: "/api/tokens/{id}",
  summary: "Revoke an API token: mine, or anyone's for an admin. Revoking twice changes nothing",
  permission: "read",
  params: apiTokenParams,
  response: apiTokenSummary,
  errors: [404],
});

export const changeOwnPasswordRoute = declareRoute({
  method: "put",
  path: "/api/me/password",
  summary: "Change my password, proving the current one; ends my other sessions",
  permission: "read",
  body: changeOwnPasswordInput,
  maxBodyBytes: 4096,
  response: passwordChanged,
  errors: [429],
});

export const tokenRoutes = [listTokensRoute, createTokenRoute, revokeTokenRoute, changeOwnPasswordRoute];
