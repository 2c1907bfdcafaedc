import { startHelper } from "../lib/app-server";
import type { CaseContext } from "../lib/context";
import { measureLoad, type LoadSummary } from "../lib/load";
import { sessionLogLoad } from "../lib/logging";
import { CONNECTIONS, PORTS } from "../lib/profile";
import type { Figure } from "../lib/report";
import { callAction } from "../lib/server-actions";
import { round } from "../lib/stats";

type Measured = { load: LoadSummary; stored: number; refused: number; rows: number };

/** Runs the submissions against one target and counts what was stored. */
async function measureLogging(
  ctx: CaseContext,
  baseUrl: string,
  target: "action" | "data-access",
): Promise<Measured> {
  const submissions = await sessionLogLoad({
    baseUrl,
    ownerUrl: ctx.ownerUrl,
    patients: ctx.accounts.loggingPatients,
    target,
  });
  const before = await submissions.countStored();
  const load = await measureLoad(ctx.profile, {
    url: `${baseUrl}${submissions.request().path}`,
    connections: CONNECTIONS.sessionLog,
    setupRequest: submissions.setupRequest,
    onResponse: submissions.onResponse,
  });
  // Requests in flight when a run ends are stored but never answered, so rows may exceed answers a little.
  const rows = (await submissions.countStored()) - before;
  return { load, rows, ...submissions.outcomes };
}

/**
 * P4: session logs through the log form's server action over HTTP, the whole path a browser's submission
 * takes: proxy, session check, zod, the rate limiter, the idempotent transaction (patient lock, plan check,
 * log, items, audit), the outbox relay, and the redirect to the log's page, which Next.js renders into the
 * same response. Stored rows are counted, so refusals cannot pass for throughput.
 *
 * Then the same data access code behind a plain Node HTTP server (bench/dal-server.ts), for information:
 * the two figures together say how much of a submission is data access and how much is Next.js.
 */
export async function sessionLog(ctx: CaseContext, baselineRate: number) {
  const check = await sessionLogLoad({
    baseUrl: ctx.baseUrl,
    ownerUrl: ctx.ownerUrl,
    patients: ctx.accounts.loggingPatients.slice(0, 1),
    target: "action",
  });
  const first = check.request();
  const redirect = await callAction(`${ctx.baseUrl}${first.path}`, first);
  if (!redirect?.startsWith("/patient/log/"))
    throw new Error("A session log was not stored (the action answered the form instead of redirecting).");

  const action = await measureLogging(ctx, ctx.baseUrl, "action");
  // The data access figure is for information: if the harness cannot run (say lib/dal/session.ts starts
  // needing more of lib/auth than auth-shim.ts offers), P4 keeps its judged figures and says why.
  let dataAccess: Measured | null = null;
  let dataAccessError: string | undefined;
  try {
    const server = await startHelper("bench/dal-server.ts", [], ctx.appEnv, PORTS.dataAccess);
    try {
      dataAccess = await measureLogging(ctx, server.baseUrl, "data-access");
    } finally {
      await server.stop();
    }
  } catch (error) {
    dataAccessError = error instanceof Error ? error.message : String(error);
    ctx.log(`  the data access harness did not run: ${dataAccessError.split("\n")[0]}`);
  }

  const floor = 0.15 * baselineRate;
  const ratio = (measured: Measured) => `${round(measured.load.requestsPerSecond / baselineRate, 3)} × D`;
  const clean = (measured: Measured) =>
    measured.refused + measured.load.errors === 0 && measured.rows >= measured.stored;
  const figures: Figure[] = [
    {
      what: `session log action, ${CONNECTIONS.sessionLog} connections`,
      value: action.load.requestsPerSecond,
      unit: "req/s",
      note: ratio(action),
      target: `≥ 0.15 × D = ${round(floor)} req/s`,
      pass: action.load.requestsPerSecond >= floor,
    },
    {
      what: "session log action p99",
      value: action.load.p99,
      unit: "ms",
      target: "≤ 300 ms",
      pass: action.load.p99 <= 300,
    },
    {
      what: "session log action refusals and errors",
      value: action.refused + action.load.errors,
      unit: "",
      note: `${action.stored} stored`,
      target: "0",
      pass: clean(action),
    },
  ];
  if (dataAccess) {
    figures.push(
      {
        what: "same data access code, plain Node server",
        value: dataAccess.load.requestsPerSecond,
        unit: "req/s",
        note: ratio(dataAccess),
        target: "(information)",
        pass: null,
      },
      {
        what: "same data access code p99",
        value: dataAccess.load.p99,
        unit: "ms",
        note: clean(dataAccess) ? `${dataAccess.stored} stored` : `${dataAccess.refused} refused`,
        target: "(information)",
        pass: null,
      },
    );
  }
  return {
    figures,
    details: { action, dataAccess, dataAccessError },
    rate: action.load.requestsPerSecond,
  };
}
