import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

/** Shell lines that run `npx syncline`, as one document shows them to be run one after another. */
export interface CommandGroup {
  /** Where they are shown: "README.md, block 3" or the source file of a dashboard page. */
  source: string;
  lines: string[];
}

/** Every fenced code block of README.md that runs `npx syncline`, with just those lines. */
export function readmeCommandGroups(): CommandGroup[] {
  const blocks = readFileSync(join(ROOT, "README.md"), "utf8").split(/^```.*$/m).filter((_, index) => index % 2 === 1);
  return blocks
    .map((block, index) => ({ source: `README.md, code block ${index + 1}`, lines: block.split("\n").filter((line) => line.startsWith("npx syncline ")) }))
    .filter((group) => group.lines.length > 0);
}

/**
 * Every `syncline …` command that a dashboard page or component shows (hints, empty states):
 * `npx syncline …` anywhere, or an element whose text starts with `syncline …`, such as
 * `<code>syncline …</code>`. Each is given back as `npx syncline …`, the way a user types it from
 * the project folder; it ends where the JSX text or the string literal holding it ends.
 */
export function dashboardCommandGroups(): CommandGroup[] {
  return ["app", "components"]
    .flatMap((folder) => sourceFiles(join(ROOT, folder)))
    .map((file) => ({
      source: relative(ROOT, file),
      lines: [...readFileSync(file, "utf8").matchAll(/(?:\bnpx |>)syncline ([a-z][^"'`<>{}\n]*)/g)].map((match) => `npx syncline ${match[1]!.trim()}`),
    }))
    .filter((group) => group.lines.length > 0);
}

/** The arguments after `npx syncline`, for lines without quoting: a `# comment` and a `<<<` here-string dropped. */
export function commandArguments(line: string): string[] {
  return line
    .replace(/^npx syncline /, "")
    .replace(/\s#.*$/, "")
    .replace(/<<<.*$/, "")
    .trim()
    .split(/\s+/);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
