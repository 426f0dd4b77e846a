import { currentUser } from "../../fleet/dto";
import { signInInput } from "../../schemas/users";
import { declareRoute, noBody } from "../declare-route";

export const meRoute = declareRoute({
  method: "get",
  path: "/api/me",
  summary: "The signed-in user (by session cookie or API token)",
  response: currentUser,
});

export const signInRoute = declareRoute({
  method: "post",
  path: "/api/auth/sign-in",
  summary: "Sign in with name and password; sets the session cookie",
  auth: "none",
  body: signInInput,
  maxBodyBytes: 4096,
  response: currentUser,
  errors: [401, 403, 429],
});

/** Signing out is open to every signed-in user, hence the lowest permission. */
export const signOutRoute = declareRoute({
  method: "post",
  path: "/api/auth/sign-out",
  summary: "End the current session and clear its cookie",
  permission: "read",
  response: noBody,
  status: 204,
});

export const authRoutes = [meRoute, signInRoute, signOutRoute];
