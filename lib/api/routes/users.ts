import { addedUser, newUserInput, passwordResetResult, resetPasswordInput, updateUserInput, userList, userParams, userSummary } from "../../schemas/users";
import { declareRoute } from "../declare-route";

export const listUsersRoute = declareRoute({
  method: "get",
  path: "/api/users",
  summary: "List users with their role and whether they are disabled (admins only)",
  permission: "users.manage",
  response: userList,
});

export const addUserRoute = declareRoute({
  method: "post",
  path: "/api/users",
  summary: "Add a user; without a password one is generated and returned once",
  permission: "users.manage",
  body: newUserInput,
  response: addedUser,
  status: 201,
  errors: [409],
  maxBodyBytes: 4096,
});

export const updateUserRoute = declareRoute({
  method: "patch",
  path: "/api/users/{id}",
  summary: "Change a user's role or e-mail address, or disable (signing them out everywhere) or enable them",
  permission: "users.manage",
  params: userParams,
  body: updateUserInput,
  response: userSummary,
  errors: [409],
  maxBodyBytes: 4096,
});

export const resetPasswordRoute = declareRoute({
  method: "post",
  path: "/api/users/{id}/password",
  summary: "Reset a user's password (generated and returned once unless given) and end their sessions",
  permission: "users.manage",
  params: userParams,
  body: resetPasswordInput,
  response: passwordResetResult,
  maxBodyBytes: 4096,
});

export const userRoutes = [listUsersRoute, addUserRoute, updateUserRoute, resetPasswordRoute];
