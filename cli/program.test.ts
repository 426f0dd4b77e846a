import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { commandArguments, dashboardCommandGroups, readmeCommandGroups } from "../tests/support/documented-commands";
import { createProgram } from "./program";

/** Thrown where the command's action would start: everything before it (names, arguments, options) was accepted. */
class Accepted extends Error {}

/** How the CLI takes `args` without running anything: "accepted", or commander's error. */
async function parse(args: string[]): Promise<string> {
  const program = createProgram().hook("preAction", () => {
    throw new Accepted();
  });
  try {
    await program.parseAsync(args, { from: "user" });
    return "ran without an action";
  } catch (error) {
    if (error instanceof Accepted) return "accepted";
    if (error instanceof CommanderError) return error.message;
    throw error;
  }
}

describe("the commands that Syncline shows its users", () => {
  const dashboard = dashboardCommandGroups().flatMap(({ source, lines }) => lines.map((line) => [source, line] as const));
  const readme = readmeCommandGroups().flatMap(({ source, lines }) => lines.map((line) => [source, line] as const));

  it("include the sign-in hint's and the empty fleet's", () => {
    expect(dashboard.map(([source]) => source)).toEqual(expect.arrayContaining(["app/sign-in/page.tsx", "components/clusters/fleet-empty-state.tsx"]));
  });

  it.each(dashboard)("%s: `%s` is a command the CLI accepts", async (_source, line) => {
    expect(await parse(commandArguments(line))).toBe("accepted");
  });

  it.each(readme)("%s: `%s` is a command the CLI accepts", async (_source, line) => {
    expect(await parse(commandArguments(line))).toBe("accepted");
  });

  it("and a command the CLI does not have is caught", async () => {
    expect(await parse(["start"])).toBe("error: unknown command 'start'");
  });
});
