import { AppError } from "../errors/app-error";

export function nameTaken(name: string): AppError {
  return new AppError("conflict", `A Git credential named "${name}" already exists`);
}

export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";
