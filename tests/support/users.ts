import { randomUUID } from "node:crypto";
import { createApiToken } from "../../lib/auth";
import { addUser } from "../../lib/users";

export const PASSWORD = "correct horse battery";

/** A user with a unique name, so specs sharing one database never collide. */
export async function newUser(role: "viewer" | "operator" | "admin" = "operator") {
  const name = `u-${randomUUID().slice(0, 8)}`;
  const user = await addUser({ name, role, password: PASSWORD });
  return { ...user, token: async () => (await createApiToken(name)).token };
}
