import path from "node:path";
import { defineConfig } from "vitest/config";

export const alias = {
  "@": path.resolve(__dirname),
  // Marks modules that must never reach a browser bundle; outside Next.js it has nothing to check.
  "server-only": path.resolve(__dirname, "tests/support/empty-module.ts"),
};

// `npm test` first runs the tests that fail on purpose (tests/self-check), to prove that a failure fails the run.
const selfCheck = process.env.BACKCARE_SELF_CHECK === "1";

export default defineConfig({
  test: {
    // Integration tests share one database; files run one at a time so that row counts see only their own writes.
    fileParallelism: false,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: selfCheck
            ? ["tests/self-check/failing.unit.test.ts"]
            : [
                "lib/**/*.test.ts",
                "components/**/*.test.{ts,tsx}",
                "scripts/**/*.test.ts",
                "tests/support/**/*.test.ts",
              ],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: selfCheck
            ? ["tests/self-check/failing.integration.test.ts"]
            : ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // next-auth imports "next/server" without an extension, which only a bundler resolves.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
