import { randomUUID } from "node:crypto";
import { cliActor } from "../../lib/auth/actor";
import { createApiToken } from "../../lib/tokens";
import { addUser } from "../../lib/users";

export const PASSWORD = "correct horse battery";

/** A user with a unique name, so specs sharing one database never collide. */
export async function newUser(role: "viewer" | "operator" | "admin" = "operator") {
  const name = `u-${randomUUID().slice(0, 8)}`;
  const user = await addUser({ name, role, password: PASSWORD }, cliActor());
  return { ...user, token: async () => (await createApiToken(name, { name: `test-${randomUUID().slice(0, 8)}` }, cliActor())).token };
}
