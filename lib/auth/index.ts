export { type Actor, systemActor, cliActor } from "./actor";
export { actorFromApiToken } from "./api-tokens";
export { signIn, signOut, actorFromSession, SESSION_DAYS } from "./sessions";
export { roleAllows, type Permission } from "./permissions";
