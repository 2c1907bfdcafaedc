import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every page and route handler of the app, as URL patterns, read from the files under app/. */
export function appRoutes(): { pattern: string; kind: "page" | "route" }[] {
  const root = path.resolve("app");
  const found: { pattern: string; kind: "page" | "route" }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "page.tsx" || entry === "route.ts") {
        const segments = path
          .relative(root, dir)
          .split(path.sep)
          .filter((segment) => segment && !/^\(.*\)$/.test(segment));
        found.push({ pattern: `/${segments.join("/")}`, kind: entry === "page.tsx" ? "page" : "route" });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A concrete URL for a pattern: dynamic segments filled from `values`; throws for a segment it cannot fill. */
export function concrete(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_match, _rest, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${pattern}: add one to the test.`);
    return value;
  });
}
