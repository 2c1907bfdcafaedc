import { readdirSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Every spec, one file after another in reverse file order on one worker (each project depends on the one
// before), to show that no spec relies on another's leftovers or on file order:
//   npx tsx scripts/e2e.ts --config playwright.reverse.config.ts
const files = readdirSync("e2e")
  .filter((name) => name.endsWith(".spec.ts"))
  .sort()
  .reverse();
export default defineConfig({
  ...base,
  workers: 1,
  fullyParallel: false,
  projects: files.map((file, index) => ({
    name: `${String(index + 1).padStart(2, "0")}-${file}`,
    testMatch: file,
    use: base.projects![0]!.use,
    dependencies: index === 0 ? [] : [`${String(index).padStart(2, "0")}-${files[index - 1]}`],
  })),
});
