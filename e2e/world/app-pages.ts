import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

const APP_DIR = join(process.cwd(), "app");

/**
 * Every page of the dashboard, as its route pattern ("/clusters/[id]"), read from the app
 * directory: a page added later is found without being listed anywhere. Route groups such as
 * "(dashboard)" are not part of a URL; "/" only redirects, and the API has no pages.
 */
export function appPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "api") walk(path);
      else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) {
        const segments = relative(APP_DIR, dir).split(sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
        if (segments.length > 0) pages.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(APP_DIR);
  return pages.sort();
}

/** The URL of a route pattern, with each [param] filled in; a param nobody gave a value for fails loudly. */
export function pageUrl(route: string, params: Record<string, string>): string {
  return route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${route}: give one where the specs check every page`);
    return encodeURIComponent(value);
  });
}
