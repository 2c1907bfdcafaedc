import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import pg from "pg";
import { appRoutes, concrete } from "./routes";
import { demo, signInAs } from "./support";

// Authorization must not rest on proxy.ts. A second server on the same build and database runs with the
// proxy doing nothing (BACKCARE_PROXY=off): every page and route handler, asked by every role with ids of
// their own clinic and of the other, must answer exactly as the real server does. Server actions are
// covered the same way, with no proxy at all, by tests/integration/authorization-matrix.test.ts.
const E2E_OWNER_DATABASE = "postgresql://backcare:backcare-local@127.0.0.1:54332/backcare";
const E2E_APP_DATABASE = "postgresql://backcare_web:backcare-local@127.0.0.1:54332/backcare";
const PROXY_OFF = "http://127.0.0.1:3101";

let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.skip(Boolean(process.env.E2E_BASE_URL), "needs the suite's own server and database");
  server = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "--port", "3101", "--hostname", "127.0.0.1"],
    {
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: E2E_APP_DATABASE,
        // The same secret as the suite's server (scripts/serve.ts keeps it there), so one cookie works on both.
        AUTH_SECRET: readFileSync(".data/auth-secret", "utf8").trim(),
        AUTH_TRUST_HOST: "true",
        RATE_LIMIT_MULTIPLIER: "20",
        BACKCARE_PROXY: "off",
      },
    },
  );
  for (let tries = 0; tries < 120; tries++) {
    const up = await fetch(`${PROXY_OFF}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The proxy-off server did not start.");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

type Outcome = { status: number; location: string | null; leaks: boolean };

async function outcome(request: APIRequestContext, url: string, foreignNames: string[]): Promise<Outcome> {
  const response = await request.get(url, { maxRedirects: 0 });
  const location = response.headers()["location"];
  const body = await response.text();
  return {
    status: response.status(),
    location: location ? new URL(location, "http://x").pathname : null,
    leaks: foreignNames.some((name) => body.includes(name)),
  };
}

async function signedInRequest(browser: Browser, email: string | null, landing: string) {
  const context = await browser.newContext();
  if (email) await signInAs(await context.newPage(), email, landing);
  return context;
}

test("with proxy.ts doing nothing, every page and route handler refuses exactly as before", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const db = new pg.Client({ connectionString: E2E_OWNER_DATABASE });
  await db.connect();
  const { rows } = await db.query<{ email: string; id: string; name: string; clinic: string }>(
    `select u.email, p.id, u.name, c.name as clinic from patient p
       join app_user u on u.id = p.user_id join clinic c on c.id = p.clinic_id
      where u.email in ('patient@demo.test', 'other.patient@demo.test')`,
  );
  // The server under test really does run as the application's role, not as the owner of the tables.
  const roles = await db.query<{ usename: string }>(
    "select distinct usename from pg_stat_activity where datname = 'backcare' and usename = 'backcare_web'",
  );
  await db.end();
  expect(roles.rows).toEqual([{ usename: "backcare_web" }]);
  const alex = rows.find((row) => row.email === demo.patient)!;
  const jordan = rows.find((row) => row.email === demo.otherPatient)!;

  // Without the proxy there are no security headers: proof that this server really runs without it.
  expect((await fetch(`${PROXY_OFF}/login`)).headers.get("content-security-policy")).toBeNull();

  // Names each identity must never see: another clinic's people, and for patients, any other patient.
  const identities: [string, string | null, string, string[]][] = [
    ["anonymous", null, "", ["Alex Morgan", "Jordan Lee", "Robin Patel", "Kim Novak"]],
    ["Alex Morgan", demo.patient, "/patient", ["Jordan Lee", "Sam Rivera", "Kim Novak"]],
    ["Sam Rivera", demo.patientWithoutPlan, "/patient", ["Jordan Lee", "Alex Morgan", "Kim Novak"]],
    ["Robin Patel", demo.clinician, "/clinician", ["Jordan Lee", "Kim Novak"]],
    ["Kim Novak", demo.otherClinician, "/clinician", ["Alex Morgan", "Sam Rivera", "Robin Patel"]],
    ["Casey Quinn", demo.admin, "/admin", ["Jordan Lee", "Kim Novak"]],
  ];

  const urls = appRoutes().flatMap((route) =>
    [alex.id, jordan.id].map((id) =>
      concrete(route.pattern, { id, token: "x".repeat(43), nextauth: "session" }),
    ),
  );
  const distinct = [...new Set(urls)];
  let compared = 0;
  for (const [who, email, landing, foreignNames] of identities) {
    const context = await signedInRequest(browser, email, landing);
    for (const url of distinct) {
      // The alert stream never ends for a clinician; anonymous requests check it below.
      if (url === "/api/alerts/stream" && email) continue;
      const withProxy = await outcome(context.request, url, foreignNames);
      const withoutProxy = await outcome(context.request, `${PROXY_OFF}${url}`, foreignNames);
      const where = `${url} as ${who}`;
      expect(withoutProxy.leaks, where).toBe(false);
      expect(withProxy.leaks, where).toBe(false);
      if (withProxy.status === 307 && withProxy.location === "/login") {
        // The proxy's early redirect; the page itself must send the visitor to sign in just the same.
        expect([withoutProxy.status, withoutProxy.location], where).toEqual([307, "/login"]);
      } else {
        expect({ status: withoutProxy.status, location: withoutProxy.location }, where).toEqual({
          status: withProxy.status,
          location: withProxy.location,
        });
      }
      compared++;
    }
    if (who === "Kim Novak") {
      expect((await outcome(context.request, `${PROXY_OFF}/clinician/patients/${alex.id}`, [])).status).toBe(
        404,
      );
    }
    if (who === "Alex Morgan") {
      expect((await outcome(context.request, `${PROXY_OFF}/clinician`, [])).status).toBe(403);
    }
    await context.close();
  }
  expect(compared).toBeGreaterThan(150);
  expect((await fetch(`${PROXY_OFF}/api/alerts/stream`)).status).toBe(401);
});
