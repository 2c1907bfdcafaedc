// `npm run bench`: builds the app, starts it in production mode on a fresh PostgreSQL loaded by
// `npm run seed:large`, and measures cases S, D, Q and P3-P8 (see README, Performance). Prints a table of
// figures, targets and pass/fail, and writes bench/results/latest.json and latest.md.
//
//   npm run bench                       the full run, 6 to 10 minutes on 2 cores
//   npm run bench -- --quick            every case once and briefly, to show they run (part of npm test)
//   npm run bench -- --no-build         reuse the last `next build` (--quick reuses one when there is one)
//
// Exits non-zero only when a case could not run or produced no numbers; a missed target is a "fail" in
// the table, never an exit code: absolute figures drift on a shared 2-core machine.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { alertLatency } from "./cases/alert-latency";
import { bundleSizes } from "./cases/bundle-size";
import { dbBaseline } from "./cases/db-baseline";
import { lighthouseAudits } from "./cases/lighthouse";
import { patientPage } from "./cases/patient-page";
import { queryCounts } from "./cases/queries";
import { sessionLog } from "./cases/session-log";
import { statementCost } from "./cases/statement-cost";
import { staticPage } from "./cases/static-page";
import { signInAccounts } from "./lib/accounts";
import { LOG_DIR, appEnvironment, listening, startApp } from "./lib/app-server";
import type { Accounts, CaseContext } from "./lib/context";
import { prepareDatabase, type BenchDatabase } from "./lib/database";
import { DATA_DIR, FULL, PORTS, QUICK } from "./lib/profile";
import { run, stopAll } from "./lib/processes";
import { markdownTable, writeReport, type CaseResult, type Figure } from "./lib/report";
import { round } from "./lib/stats";

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, "no-build": { type: "boolean", default: false } },
});
const profile = values.quick ? QUICK : FULL;
const started = Date.now();

function log(line: string) {
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`[bench ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}] ${line}`);
}

const results: CaseResult[] = [];
let database: BenchDatabase | null = null;

/** Stops every process the bench started, PostgreSQL last. */
async function cleanUp() {
  await stopAll();
  await database?.stop().catch(() => {});
  database = null;
}

/** Runs one case and records its figures, or the reason it produced none. Returns what the case returned. */
async function measure<T extends { figures: Figure[]; details?: unknown }>(
  id: string,
  title: string,
  body: () => Promise<T>,
): Promise<T | null> {
  const caseStarted = Date.now();
  const loadAverage = round(os.loadavg()[0]!, 2);
  log(`${id}: ${title}… (load average ${loadAverage})`);
  const seconds = () => Math.round((Date.now() - caseStarted) / 1000);
  try {
    const outcome = await body();
    if (outcome.figures.length === 0) throw new Error("no figures");
    results.push({
      id,
      title,
      figures: outcome.figures,
      details: outcome.details,
      seconds: seconds(),
      loadAverage,
    });
    for (const figure of outcome.figures) log(`  ${figure.what}: ${figure.value} ${figure.unit}`.trimEnd());
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  ${id} did not run: ${message}`);
    results.push({ id, title, figures: [], error: message, seconds: seconds(), loadAverage });
    return null;
  }
}

const needs = (what: string, rate: number | undefined) => {
  if (rate === undefined) throw new Error(`needs ${what}, which did not run`);
  return rate;
};

async function main() {
  log(`${profile.name} run on ${os.cpus().length} cores, Node ${process.version}`);
  const reuseBuild = values["no-build"] || (values.quick && existsSync(".next/BUILD_ID"));
  if (!reuseBuild) {
    log("Building the app (next build)…");
    await run(path.resolve("node_modules/.bin/next"), ["build"], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  } else if (!existsSync(".next/BUILD_ID")) {
    throw new Error("--no-build, but there is no build in .next: run without it once.");
  }

  log(`Preparing a fresh PostgreSQL (port ${PORTS.postgres}, ${DATA_DIR})…`);
  if (await listening(PORTS.postgres))
    throw new Error(
      `Port ${PORTS.postgres} is taken (a PostgreSQL left by an earlier bench run?): stop it first.`,
    );
  try {
    database = await prepareDatabase(log);
    const { appUrl, ownerUrl } = database;
    const authSecret = randomBytes(32).toString("base64url");
    const appEnv = appEnvironment(appUrl, authSecret);
    const socketPath = path.resolve(LOG_DIR, "queries.sock");

    // First a server whose Prisma queries are counted: sign-ins, P5 and P8, none of which is timed.
    log("Starting the app with Prisma's query events counted…");
    const counted = await startApp({
      databaseUrl: appUrl,
      authSecret,
      name: "counted",
      countQueries: socketPath,
    });
    let accounts: Accounts;
    try {
      log("Signing in the bench's accounts…");
      accounts = await signInAccounts(counted.baseUrl, profile);
      const ctx: CaseContext = { profile, baseUrl: counted.baseUrl, ownerUrl, appEnv, accounts, log };
      await measure("P5", "database queries per request", () => queryCounts(ctx, socketPath));
      await measure("P8", "JavaScript per route", () => bundleSizes(ctx));
    } finally {
      await counted.stop();
    }

    const ctx: CaseContext = { profile, baseUrl: "", ownerUrl, appEnv, accounts, log };
    const d = await measure("D", "plain Node HTTP server, one pg INSERT per request", () => dbBaseline(ctx));
    await measure("Q", "one statement's cost through pg and through Prisma", () => statementCost(ctx));

    log("Starting the app for the timed cases…");
    const app = await startApp({ databaseUrl: appUrl, authSecret, name: "timed" });
    try {
      const timed = { ...ctx, baseUrl: app.baseUrl };
      const s = await measure("S", "a static page of the app", () => staticPage(timed));
      await measure("P3", "a signed-in patient's /patient page", () =>
        patientPage(timed, needs("S", s?.rate)),
      );
      const p4 = await measure("P4", "session log submission", () => sessionLog(timed, needs("D", d?.rate)));
      await measure("P6", "alerts streamed to the clinician, mixed writers under load", () =>
        alertLatency(timed, needs("P4", p4?.rate)),
      );
      await measure("P7", "Lighthouse, mobile", () => lighthouseAudits(timed));
    } finally {
      await app.stop();
    }
  } finally {
    await cleanUp();
  }

  const order = ["S", "D", "Q", "P3", "P4", "P5", "P6", "P7", "P8"];
  results.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const seconds = Math.round((Date.now() - started) / 1000);
  const files = writeReport({
    profile: profile.name,
    startedAt: new Date(started).toISOString(),
    seconds,
    machine: { cpus: os.cpus().length, node: process.version },
    results,
  });
  console.log(`\n${markdownTable(results)}\n`);
  log(`Done in ${seconds} s; written to ${files.json} and ${files.markdown}.`);
  const broken = results.filter((result) => result.error);
  if (broken.length > 0) {
    console.error(`Cases that did not run: ${broken.map((result) => result.id).join(", ")}.`);
    process.exit(1);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench's processes…`);
    void cleanUp().then(() => process.exit(130));
  });
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await cleanUp();
  process.exit(1);
});
