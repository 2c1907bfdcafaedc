import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { applicationUrl } from "../scripts/lib/postgres";
import { expect, rows, signInAs, test, type Person } from "./fixtures";
import { appRoutes, concrete } from "./routes";
import { authSecret, databaseUrl } from "./support/database";

// Authorization must not rest on proxy.ts. A second server on the same build and database runs with the
// proxy doing nothing (BACKCARE_PROXY=off): every page and route handler, asked by every role with ids of
// their own clinic and of the other, must answer exactly as the real server does. Server actions are
// covered the same way, with no proxy at all, by tests/integration/authorization-matrix.test.ts.
const PROXY_OFF = "http://127.0.0.1:3101";

let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.skip(Boolean(process.env.E2E_BASE_URL), "needs the suite's own build and database");
  test.setTimeout(120_000);
  let output = "";
  server = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "--port", "3101", "--hostname", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        // lib/env.ts refuses BACKCARE_PROXY=off under NODE_ENV=production: the production build is served
        // as a test server.
        NODE_ENV: "test",
        // As the application's role, like the suite's server (scripts/serve.ts), not as the tables' owner.
        DATABASE_URL: await applicationUrl(databaseUrl()),
        // The same secret as the suite's server, so one cookie works on both.
        AUTH_SECRET: authSecret(),
        AUTH_TRUST_HOST: "true",
        RATE_LIMIT_MULTIPLIER: "20",
        BACKCARE_PROXY: "off",
      },
    },
  );
  // Kept for the error message should the server not come up.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000));
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
    if (server.exitCode !== null) throw new Error(`The proxy-off server exited:\n${output}`);
    const up = await fetch(`${PROXY_OFF}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The proxy-off server did not start within 90 s:\n${output}`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
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

async function signedInRequest(browser: Browser, person: Person | null) {
  const context = await browser.newContext();
  if (person) await signInAs(await context.newPage(), person);
  return context;
}

test("with proxy.ts doing nothing, every page and route handler refuses exactly as before", async ({
  browser,
  people,
  db,
}) => {
  test.setTimeout(240_000);
  const { clinician, admin, patient, patientWithoutPlan, otherClinician, otherPatient } =
    await people.twoClinics();
  // The server under test really does run as the application's role, not as the owner of the tables.
  expect(
    await rows(
      db,
      "select distinct usename from pg_stat_activity where datname = current_database() and usename = 'backcare_web'",
    ),
  ).toEqual([{ usename: "backcare_web" }]);

  // Without the proxy there are no security headers: proof that this server really runs without it.
  expect((await fetch(`${PROXY_OFF}/login`)).headers.get("content-security-policy")).toBeNull();

  // Names each identity must never see: another clinic's people, and for patients, any other patient.
  const names = (...people: Person[]) => people.map((person) => person.name);
  const identities: [Person | null, string[]][] = [
    [null, names(patient, otherPatient, clinician, otherClinician)],
    [patient, names(otherPatient, patientWithoutPlan, otherClinician)],
    [patientWithoutPlan, names(otherPatient, patient, otherClinician)],
    [clinician, names(otherPatient, otherClinician)],
    [otherClinician, names(patient, patientWithoutPlan, clinician)],
    [admin, names(otherPatient, otherClinician)],
  ];

  const urls = appRoutes().flatMap((route) =>
    [patient.patientId, otherPatient.patientId].map((id) =>
      concrete(route.pattern, { id, token: "x".repeat(43), nextauth: "session" }),
    ),
  );
  const distinct = [...new Set(urls)];
  let compared = 0;
  for (const [person, foreignNames] of identities) {
    const who = person ? `${person.name} (${person.role})` : "anonymous";
    const context = await signedInRequest(browser, person);
    for (const url of distinct) {
      // The alert stream never ends for a clinician; anonymous requests check it below.
      if (url === "/api/alerts/stream" && person) continue;
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
    if (person === otherClinician) {
      expect(
        (await outcome(context.request, `${PROXY_OFF}/clinician/patients/${patient.patientId}`, [])).status,
      ).toBe(404);
    }
    if (person === patient) {
      expect((await outcome(context.request, `${PROXY_OFF}/clinician`, [])).status).toBe(403);
    }
    await context.close();
  }
  expect(compared).toBeGreaterThan(150);
  expect((await fetch(`${PROXY_OFF}/api/alerts/stream`)).status).toBe(401);
});
