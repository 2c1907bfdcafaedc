import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL points the suite at a server that is already running (for example a production build on a
// separate PostgreSQL); without it, the suite starts its own.
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${PORT}`;
// `npm test` first runs e2e/self-check, a test that fails on purpose, to prove that a failure fails the run;
// it needs a browser but no server.
const selfCheck = process.env.BACKCARE_SELF_CHECK === "1";
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54332);
// The one place the suite's database is named: the fixtures (e2e/support/database.ts) read it, and the test
// workers inherit it. Against an external server, set E2E_DATABASE_URL (the tables' owner) yourself.
if (!external && !selfCheck) {
  process.env.E2E_DATABASE_URL = `postgresql://backcare:backcare-local@127.0.0.1:${PG_PORT}/backcare`;
}

// The suite's own SMTP server (e2e/support/global-setup.ts), where the app sends invitations and reset links;
// the tests' workers read the messages from E2E_MAILBOX_DIR. Against an external server, start that server
// with SMTP_URL=smtp://127.0.0.1:<E2E_SMTP_PORT>.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 1000);
process.env.E2E_SMTP_PORT = String(SMTP_PORT);
process.env.E2E_MAILBOX_DIR ??= path.resolve(`.data/e2e-mail-${SMTP_PORT}`);

// End-to-end tests run against a production build (`next build` first; scripts/e2e.ts does it) on a fresh
// embedded PostgreSQL with the demo data, in Debian's Chromium: no browser is ever downloaded.
export default defineConfig({
  testDir: selfCheck ? "e2e/self-check" : "e2e",
  testIgnore: selfCheck ? [] : ["self-check/**"],
  globalSetup: selfCheck ? undefined : "./e2e/support/global-setup.ts",
  // Every test makes its own clinic and people (e2e/fixtures.ts), so tests run in any order, two at a time.
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer:
    external || selfCheck
      ? undefined
      : {
          command: `RATE_LIMIT_MULTIPLIER=20 SMTP_URL=smtp://127.0.0.1:${SMTP_PORT} npx tsx scripts/serve.ts start --port ${PORT} --data-dir .data/e2e-postgres-${PG_PORT} --pg-port ${PG_PORT} --fresh`,
          url: `${baseURL}/api/health`,
          reuseExistingServer: false,
          timeout: 120_000,
          stdout: "ignore",
          stderr: "pipe",
        },
});
