export { addUser, type UserSummary } from "./add-user";
export { listUsers } from "./list-users";
export { ensureAdmin } from "./ensure-admin";
