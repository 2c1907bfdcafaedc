import { randomUUID } from "node:crypto";
import { RED_FLAG_CODES } from "../../lib/domain/red-flags";
import { openAlertStream, type StreamedAlert } from "../lib/alert-stream";
import type { CaseContext } from "../lib/context";
import { withClient } from "../lib/database";
import { loadOnce } from "../lib/load";
import { sessionLogLoad } from "../lib/logging";
import { CONNECTIONS } from "../lib/profile";
import type { Figure } from "../lib/report";
import { actionId, actionRequest, callAction } from "../lib/server-actions";
import { percentile, round } from "../lib/stats";

/** Red flags raised per second across all red-flag patients: enough samples without becoming the load. */
const RED_FLAGS_PER_SECOND = 4;
/** An alert not streamed within this long counts as lost (the stream's fallback poll is every 5 s). */
const LOST_AFTER_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * P6: from a red flag's commit to the clinician's server-sent event, while P4's session logs run at half
 * P4's rate. Patients of the 100-patient clinic take turns raising red flags through the check-in action;
 * its clinician's stream receives them. Latency runs from the alert row's created_at (set in the
 * transaction, so at or before the commit: the figure can only overstate the latency) to the event's
 * arrival; both clocks are this machine's. After its alert arrives, a patient is un-paused in SQL, standing
 * in for the doctor's clearance, so that it can raise the next one.
 */
export async function alertLatency(ctx: CaseContext, sessionLogRate: number) {
  const background = await sessionLogLoad({
    baseUrl: ctx.baseUrl,
    ownerUrl: ctx.ownerUrl,
    patients: ctx.accounts.loggingPatients,
    target: "action",
  });
  const patients = await withClient(ctx.ownerUrl, async (client) => {
    const { rows } = await client.query<{ email: string; id: string }>(
      "select u.email, p.id from app_user u join patient p on p.user_id = u.id where u.email = any($1)",
      [ctx.accounts.redFlagPatients.map((patient) => patient.email)],
    );
    const ids = new Map(rows.map((row) => [row.email, row.id]));
    return ctx.accounts.redFlagPatients.map((patient) => ({ ...patient, id: ids.get(patient.email)! }));
  });
  const checkInId = actionId("lib/actions/check-in.ts", "checkInAction");

  const waiting = new Map<string, (alert: StreamedAlert) => void>();
  const streamed: StreamedAlert[] = [];
  const stream = await openAlertStream(ctx.baseUrl, ctx.accounts.clinicianOf100, (alert) => {
    streamed.push(alert);
    waiting.get(alert.patientId)?.(alert);
  });

  const rate = Math.max(1, Math.round(sessionLogRate / 2));
  const loadDone = loadOnce(
    {
      url: `${ctx.baseUrl}/patient/log`,
      connections: CONNECTIONS.sessionLog,
      setupRequest: background.setupRequest,
      overallRate: rate,
    },
    ctx.profile.alertSeconds + 2,
  );
  await sleep(1000);

  const raiseRedFlag = async (cookie: string) => {
    const redirect = await callAction(
      `${ctx.baseUrl}/patient/check-in`,
      actionRequest({
        id: checkInId,
        baseUrl: ctx.baseUrl,
        cookie,
        fields: [
          ["idempotencyKey", randomUUID()],
          ["redFlags", RED_FLAG_CODES[0]],
          ["painScore", "6"],
        ],
      }),
    );
    if (!redirect?.startsWith("/patient/check-in/")) throw new Error("A red flag was refused (no redirect).");
  };
  const unpause = (patientId: string) =>
    withClient(ctx.ownerUrl, async (client) => {
      await client.query("begin");
      await client.query("update patient set status = 'ACTIVE' where id = $1", [patientId]);
      await client.query(
        "update plan set status = 'ACTIVE', paused_at = null where patient_id = $1 and status = 'PAUSED'",
        [patientId],
      );
      await client.query("commit");
    });

  const deadline = Date.now() + ctx.profile.alertSeconds * 1000;
  const gapMs = (patients.length / RED_FLAGS_PER_SECOND) * 1000;
  let sent = 0;
  let lost = 0;
  const raiser = async (patient: (typeof patients)[number], offset: number) => {
    await sleep(offset);
    while (Date.now() < deadline) {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<StreamedAlert | null>((resolve) => {
        waiting.set(patient.id, resolve);
        timer = setTimeout(() => resolve(null), LOST_AFTER_MS);
      });
      await raiseRedFlag(patient.cookie);
      sent += 1;
      if (!(await arrived)) lost += 1;
      clearTimeout(timer);
      waiting.delete(patient.id);
      await unpause(patient.id);
      await sleep(Math.max(0, gapMs - (Date.now() - started)));
    }
  };
  let load: Awaited<typeof loadDone>;
  try {
    await Promise.all(patients.map((patient, i) => raiser(patient, (i * gapMs) / patients.length)));
  } finally {
    load = await loadDone;
    stream.close();
  }

  const latencies = await withClient(ctx.ownerUrl, async (client) => {
    const urgent = streamed.filter((alert) => alert.severity === "URGENT");
    const { rows } = await client.query<{ id: string; created_at: Date }>(
      "select id, created_at from alert where id = any($1::uuid[])",
      [urgent.map((alert) => alert.alertId)],
    );
    const created = new Map(rows.map((row) => [row.id, row.created_at.getTime()]));
    return urgent.map((alert) => alert.receivedAt - created.get(alert.alertId)!);
  });
  if (latencies.length === 0) throw new Error("No red-flag alert reached the stream.");
  const p95 = percentile(latencies, 95);
  const p99 = percentile(latencies, 99);
  const figures: Figure[] = [
    {
      what: `red flag → SSE p95, session logs at ${rate} req/s`,
      value: round(p95 / 1000, 3),
      unit: "s",
      target: "≤ 2 s",
      pass: p95 <= 2000,
    },
    {
      what: "red flag → SSE p99",
      value: round(p99 / 1000, 3),
      unit: "s",
      target: "≤ 5 s",
      pass: p99 <= 5000,
    },
    {
      what: "red flags not streamed",
      value: lost,
      unit: "",
      note: `${sent} raised`,
      target: "0",
      pass: lost === 0,
    },
  ];
  return {
    figures,
    details: {
      sent,
      lost,
      backgroundRate: rate,
      background: load,
      latenciesMs: latencies,
      p50Ms: percentile(latencies, 50),
      maxMs: Math.max(...latencies),
    },
  };
}
