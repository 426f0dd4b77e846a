import { AppError } from "../lib/errors/app-error";

export async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new AppError("bad_request", "--password-stdin expects the password piped in, e.g. `echo \"$PW\" | syncline …`");
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  const password = text.replace(/\r?\n$/, "");
  if (!password) throw new AppError("bad_request", "No password on standard input");
  return password;
}
