import { hashPassword } from "../auth/password";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { newUserInput, type NewUserInput } from "../schemas/users";

export interface UserSummary {
  id: string;
  name: string;
  email: string | null;
  role: "viewer" | "operator" | "admin";
  createdAt: Date;
}

export async function addUser(input: NewUserInput): Promise<UserSummary> {
  const { name, email, role, password } = newUserInput.parse(input);
  if (await db().user.findUnique({ where: { name } })) throw new AppError("conflict", `A user named "${name}" already exists`);
  const user = await db().user.create({
    data: { name, email: email ?? null, role, passwordHash: await hashPassword(password) },
  });
  return { id: user.id, name: user.name, email: user.email, role: user.role, createdAt: user.createdAt };
}
