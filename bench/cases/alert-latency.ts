import { openAlertStream, type StreamedAlert } from "../lib/alert-stream";
import type { CaseContext } from "../lib/context";
import { withClient } from "../lib/database";
import { loadOnce } from "../lib/load";
import { sessionLogLoad } from "../lib/logging";
import { CONNECTIONS } from "../lib/profile";
import type { Figure } from "../lib/report";
import { percentile, round } from "../lib/stats";
import { writers, writingPatients, type WritingPatient, type Written } from "../lib/writers";

/** Writes per second across all of P6's writers: the issue's load was 40 patients at about 3 a second. */
const WRITES_PER_SECOND = 4;
/** How long a held alert's transaction waits after its outbox insert, while other alerts commit. */
const HOLD_SECONDS = 2.5;
/** Red-flag writers whose every alert is held. */
const HELD_WRITERS = 2;
/** An alert not streamed this long after the last write counts as lost (the stream's fallback poll is 5 s). */
const LOST_AFTER_MS = 15_000;

type Role = "redFlag" | "worseSession" | "clearCheckIn";
/** A quarter raise red flags, a quarter log sessions that got worse (after a clear check-in), half check in clear. */
const roleOf = (index: number): Role =>
  index % 4 === 0 ? "redFlag" : index % 4 === 1 ? "worseSession" : "clearCheckIn";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * P6: from an alert's commit to the clinician's server-sent event, with mixed writers whose commits
 * interleave, while P4's session logs run at half P4's rate. Patients of the 100-patient clinic write through
 * the app's server actions (bench/lib/writers.ts): red-flag check-ins (URGENT), sessions that got worse
 * (WARNING) and clear check-ins (no alert). The red flags of HELD_WRITERS patients are held for HOLD_SECONDS
 * after their outbox insert, by a trigger the bench adds to its own database, so later alerts commit and are
 * streamed first. The clinician's stream is dropped halfway and resumed with Last-Event-ID, as a browser does.
 *
 * Every alert the clinic got during the run (read from the database, not counted by the writers) must reach
 * the stream once. Latency runs from the alert's created_at (set in the transaction, so at or before the
 * commit: the figure can only overstate the latency) to the event's arrival; both clocks are this machine's.
 * Held alerts are reported apart, from the end of their hold.
 */
export async function alertLatency(ctx: CaseContext, sessionLogRate: number) {
  const background = await sessionLogLoad({
    baseUrl: ctx.baseUrl,
    ownerUrl: ctx.ownerUrl,
    patients: ctx.accounts.loggingPatients,
    target: "action",
  });
  const patients = await writingPatients(ctx.ownerUrl, ctx.accounts.alertPatients);
  const write = writers(ctx.baseUrl, ctx.ownerUrl);
  const held = patients.filter((_, i) => roleOf(i) === "redFlag").slice(0, HELD_WRITERS);
  const heldIds = new Set(held.map((patient) => patient.patientId));
  const clinicId = await clinicOf(ctx.ownerUrl, patients[0]!);

  const receipts = new Map<string, StreamedAlert[]>();
  let lastEventId: string | undefined;
  const onAlert = (alert: StreamedAlert) => {
    lastEventId = alert.eventId;
    receipts.set(alert.alertId, [...(receipts.get(alert.alertId) ?? []), alert]);
  };
  let stream = await openAlertStream(ctx.baseUrl, ctx.accounts.clinicianOf100, onAlert);

  const written = { redFlag: 0, worseSession: 0, clearCheckIn: 0 };
  const refused = { redFlag: 0, worseSession: 0, clearCheckIn: 0 };
  let firstRefusal: string | null = null;
  const rate = Math.max(1, Math.round(sessionLogRate / 2));
  const startedAt = Date.now();
  await holdOutboxInserts(ctx.ownerUrl, [...heldIds], HOLD_SECONDS);
  let load: Awaited<ReturnType<typeof loadOnce>>;
  try {
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

    const deadline = Date.now() + ctx.profile.alertSeconds * 1000;
    const gapMs = (patients.length / WRITES_PER_SECOND) * 1000;
    const writer = async (patient: WritingPatient, role: Role, offset: number) => {
      await sleep(offset);
      while (Date.now() < deadline) {
        const started = Date.now();
        const outcome: Written = await write[role](patient).catch((error: unknown) => ({
          stored: false,
          redirect: error instanceof Error ? error.message : String(error),
        }));
        (outcome.stored ? written : refused)[role] += 1;
        if (!outcome.stored) firstRefusal ??= `${role}: ${outcome.redirect ?? "answered the form"}`;
        if (role === "redFlag" && outcome.stored) await write.unpause(patient);
        await sleep(Math.max(0, gapMs - (Date.now() - started)));
      }
    };
    const reconnect = (async () => {
      await sleep((ctx.profile.alertSeconds * 1000) / 2);
      stream.close();
      stream = await openAlertStream(ctx.baseUrl, ctx.accounts.clinicianOf100, onAlert, lastEventId);
    })();
    await Promise.all([
      reconnect,
      ...patients.map((patient, i) => writer(patient, roleOf(i), (i * gapMs) / patients.length)),
    ]);
    load = await loadDone;
  } finally {
    await releaseOutboxInserts(ctx.ownerUrl);
  }

  // Every alert the clinic got since the start, and when; wait for stragglers until LOST_AFTER_MS.
  const created = () => alertsSince(ctx.ownerUrl, clinicId, startedAt);
  const waitUntil = Date.now() + LOST_AFTER_MS;
  let alerts = await created();
  while (alerts.some((alert) => !receipts.has(alert.id)) && Date.now() < waitUntil) {
    await sleep(500);
    alerts = await created();
  }
  stream.close();
  const outOfOrder = await deliveredOutOfIdOrder(ctx.ownerUrl, clinicId, startedAt);

  const lost = alerts.filter((alert) => !receipts.has(alert.id));
  const duplicates = [...receipts.values()].reduce((sum, copies) => sum + copies.length - 1, 0);
  const latency = (alert: (typeof alerts)[number]) =>
    receipts.get(alert.id)![0]!.receivedAt - alert.createdAt;
  const delivered = alerts.filter((alert) => receipts.has(alert.id));
  const latencies = delivered.filter((alert) => !heldIds.has(alert.patientId)).map(latency);
  const heldLatencies = delivered
    .filter((alert) => heldIds.has(alert.patientId))
    .map((alert) => latency(alert) - HOLD_SECONDS * 1000);
  if (latencies.length === 0) throw new Error("No alert reached the stream.");
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const p99 = percentile(latencies, 99);
  const urgent = alerts.filter((alert) => alert.severity === "URGENT").length;
  const refusals = refused.redFlag + refused.worseSession + refused.clearCheckIn;

  const figures: Figure[] = [
    {
      what: `alerts raised, ${patients.length} writers, session logs at ${rate} req/s`,
      value: alerts.length,
      unit: "",
      note: `${urgent} urgent (${alerts.filter((alert) => heldIds.has(alert.patientId)).length} held ${HOLD_SECONDS} s), ${alerts.length - urgent} warnings; ${written.clearCheckIn} clear check-ins; ${outOfOrder} delivered out of id order`,
      target: "(information)",
      pass: null,
    },
    {
      what: "alerts not streamed",
      value: lost.length,
      unit: "",
      note: `${delivered.length} streamed, across one reconnection`,
      target: "0",
      pass: lost.length === 0,
    },
    { what: "alerts streamed twice", value: duplicates, unit: "", target: "0", pass: duplicates === 0 },
    { what: "alert → SSE p50", value: round(p50 / 1000, 3), unit: "s", target: "(information)", pass: null },
    { what: "alert → SSE p95", value: round(p95 / 1000, 3), unit: "s", target: "≤ 2 s", pass: p95 <= 2000 },
    { what: "alert → SSE p99", value: round(p99 / 1000, 3), unit: "s", target: "≤ 5 s", pass: p99 <= 5000 },
  ];
  if (heldLatencies.length > 0) {
    figures.push({
      what: "held alert, end of hold → SSE, max",
      value: round(Math.max(...heldLatencies) / 1000, 3),
      unit: "s",
      target: "(information)",
      pass: null,
    });
  }
  figures.push({
    what: "writes refused",
    value: refusals,
    unit: "",
    note: firstRefusal ?? `${written.redFlag + written.worseSession + written.clearCheckIn} stored`,
    target: "0",
    pass: refusals === 0,
  });
  return {
    figures,
    details: {
      written,
      refused,
      firstRefusal,
      alerts: alerts.length,
      urgent,
      lost: lost.map((alert) => alert.id),
      duplicates,
      deliveredOutOfIdOrder: outOfOrder,
      heldWriters: held.map((patient) => patient.email),
      backgroundRate: rate,
      background: load,
      latenciesMs: latencies,
      heldLatenciesMsAfterHold: heldLatencies,
      p50Ms: p50,
      p95Ms: p95,
      p99Ms: p99,
      maxMs: Math.max(...latencies),
    },
  };
}

async function clinicOf(ownerUrl: string, patient: WritingPatient): Promise<string> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ clinic_id: string }>(
      "select clinic_id from patient where id = $1",
      [patient.patientId],
    );
    return rows[0]!.clinic_id;
  });
}

async function alertsSince(ownerUrl: string, clinicId: string, since: number) {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{
      id: string;
      patient_id: string;
      severity: string;
      created_at: Date;
    }>("select id, patient_id, severity, created_at from alert where clinic_id = $1 and created_at >= $2", [
      clinicId,
      new Date(since),
    ]);
    return rows.map((row) => ({
      id: row.id,
      patientId: row.patient_id,
      severity: row.severity,
      createdAt: row.created_at.getTime(),
    }));
  });
}

/** Deliveries numbered after a delivery with a higher outbox id: commits that interleaved. */
async function deliveredOutOfIdOrder(ownerUrl: string, clinicId: string, since: number): Promise<number> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      `select count(*) from outbox_message r
        where r.clinic_id = $1 and r.created_at >= $2 and exists (
          select 1 from outbox_message s
           where s.clinic_id = r.clinic_id and s.id > r.id and s.delivery_seq < r.delivery_seq)`,
      [clinicId, new Date(since)],
    );
    return Number(rows[0]!.count);
  });
}

/**
 * Holds the transaction of every outbox insert for these patients for `seconds`, right after the insert: a
 * trigger on the bench's own database, dropped again by releaseOutboxInserts.
 */
async function holdOutboxInserts(ownerUrl: string, patientIds: string[], seconds: number) {
  if (!patientIds.every((id) => /^[0-9a-f-]{36}$/.test(id))) throw new Error("Not patient ids.");
  const ids = patientIds.map((id) => `'${id}'`).join(", ");
  await withClient(ownerUrl, (client) =>
    client.query(`
      create or replace function bench_hold_outbox() returns trigger language plpgsql as $$
      begin
        if new.payload->>'patientId' in (${ids}) then perform pg_sleep(${seconds}); end if;
        return null;
      end $$;
      drop trigger if exists bench_hold_outbox on outbox_message;
      create trigger bench_hold_outbox after insert on outbox_message
        for each row execute function bench_hold_outbox();`),
  );
}

async function releaseOutboxInserts(ownerUrl: string) {
  await withClient(ownerUrl, (client) =>
    client.query(`drop trigger if exists bench_hold_outbox on outbox_message;
                  drop function if exists bench_hold_outbox();`),
  );
}
