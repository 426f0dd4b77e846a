export { addUser, type AddedUser } from "./add-user";
export { type UserSummary } from "./user-summary";
export { listUsers } from "./list-users";
export { getUserOrThrow } from "./get-user-or-throw";
export { getUserByNameOrThrow } from "./get-user-by-name-or-throw";
export { updateUser } from "./update-user";
export { resetPassword } from "./reset-password";
export { ensureAdmin } from "./ensure-admin";
export { changeOwnPassword } from "./change-own-password";
