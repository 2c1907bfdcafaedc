// Runs the Playwright suite against a production build. Chromium comes from Debian (`apt-get install
// chromium`) or CHROMIUM_PATH; Playwright never downloads a browser here.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. Install Debian's with \`sudo apt-get install -y chromium\`, ` +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary. (Playwright's own browser download is not used.)",
  );
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes("--no-build")) run("npx", ["next", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2).filter((arg) => arg !== "--no-build")]);
