import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/alerts/stream/route";
import { db } from "@/lib/db";
import { alertEventsSince, latestAlertEventId } from "@/lib/dal/alert-events";
import { startSession } from "@/lib/dal/auth-sessions";
import { submitCheckIn } from "@/lib/dal/check-ins";
import * as outbox from "@/lib/dal/outbox";
import type { ClinicianUser, PatientUser } from "@/lib/dal/session";
import { alertStream } from "@/lib/realtime/alert-stream";
import { RealtimeHub, stopRealtimeHub } from "@/lib/realtime/hub";
import { ALERT_CHANNEL, relayOutbox, type AlertNotification } from "@/lib/realtime/relay";
import { concurrently, values } from "../support/concurrently";
import { reading, sleep, until, type Received } from "../support/event-stream";
import { createClinic, createPatient } from "../support/fixtures";
import { clinicWithActivePlan } from "../support/plans";

// The stream's route is called as a signed-in clinician: the session is stood in for here (the cookie
// checks are end-to-end tests); the route, its hub, relay and data access are the real ones.
const acting = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/dal/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/dal/session")>()),
  currentUser: async () => acting.user,
}));

const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 4 });
afterAll(() => pool.end());
afterEach(async () => {
  vi.restoreAllMocks();
  await stopRealtimeHub();
});

async function listen(): Promise<{ received: AlertNotification[]; stop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  const received: AlertNotification[] = [];
  client.on("notification", (message) => received.push(JSON.parse(message.payload!) as AlertNotification));
  await client.connect();
  await client.query(`listen ${ALERT_CHANNEL}`);
  return { received, stop: () => client.end() };
}

async function redFlag(patient: { asPatient: PatientUser }) {
  return submitCheckIn(patient.asPatient, {
    idempotencyKey: randomUUID(),
    redFlags: ["TINGLING_OR_NUMBNESS"],
    painScore: 4,
  });
}

async function drain(relayPool = pool): Promise<void> {
  while ((await relayOutbox(relayPool)) > 0);
}

/** Reads a stream's events for `ms` milliseconds. */
async function collect(stream: ReadableStream<Uint8Array>, ms: number): Promise<Received[]> {
  const read = reading(stream);
  await sleep(ms);
  await read.close();
  return read.events;
}

/**
 * GET /api/alerts/stream as the clinician, resuming after `lastEventId` when given, as EventSource does, or
 * after the delivery a page was rendered after (`?after=`).
 */
async function openStream(clinician: ClinicianUser, lastEventId?: string, after?: string) {
  // A stream holds a lease on a real session (lib/dal/alert-streams.ts).
  acting.user = { ...clinician, sessionId: await startSession(clinician.id) };
  const response = await GET(
    new Request(`http://localhost/api/alerts/stream${after ? `?after=${after}` : ""}`, {
      headers: lastEventId ? { "last-event-id": lastEventId } : {},
    }),
  );
  expect(response.status).toBe(200);
  return reading(response.body!);
}

/** The clinic's outbox rows in id order (the order their alerts' transactions took their ids). */
async function outboxRows(clinicId: string) {
  const rows = await db.outboxMessage.findMany({
    where: { clinicId },
    orderBy: { id: "asc" },
    select: { id: true, deliverySeq: true, deliveredAt: true, payload: true },
  });
  return rows.map((row) => ({ ...row, alertId: (row.payload as { alertId: string }).alertId }));
}

const shown = (events: Received[]) => events.map((event) => [event.id, event.data.alertId]);

describe("alert delivery", () => {
  it("relays every outbox row once, even with two relays racing", async () => {
    await drain();
    const listener = await listen();
    const setups = await Promise.all(Array.from({ length: 5 }, () => clinicWithActivePlan()));
    for (const setup of setups) await redFlag(setup.patient);
    const published = await Promise.all([relayOutbox(pool), relayOutbox(pool)]);
    expect(published[0]! + published[1]!).toBe(5);
    await until(() => listener.received.length >= 5);
    await sleep(200);
    expect(listener.received).toHaveLength(5);
    expect(new Set(listener.received.map((notification) => notification.id)).size).toBe(5);
    expect(new Set(listener.received.map((notification) => notification.clinicId))).toEqual(
      new Set(setups.map((setup) => setup.clinic.id)),
    );
    expect(await db.outboxMessage.count({ where: { deliveredAt: null } })).toBe(0);
    const rows = (await Promise.all(setups.map((setup) => outboxRows(setup.clinic.id)))).flat();
    expect(new Set(rows.map((row) => row.deliverySeq?.toString())).size).toBe(5);
    expect(rows.every((row) => row.deliverySeq !== null && row.deliveredAt !== null)).toBe(true);
    expect(new Set(listener.received.map((notification) => notification.deliverySeq))).toEqual(
      new Set(rows.map((row) => row.deliverySeq!.toString())),
    );
    await listener.stop();
  });

  it("refuses a delivery stamp without a delivery number", async () => {
    await drain();
    const { patient, clinic } = await clinicWithActivePlan();
    await redFlag(patient);
    const [row] = await outboxRows(clinic.id);
    await expect(
      pool.query("update outbox_message set delivered_at = now() where id = $1", [row!.id]),
    ).rejects.toThrow(/outbox_message_delivery_seq_when_delivered/);
    await drain();
  });

  it("after a listener was down, the stream's poll delivers what the notifications missed", async () => {
    const { patient, asClinician } = await clinicWithActivePlan();
    const start = await latestAlertEventId(asClinician);
    await redFlag(patient);
    await drain(); // published while nobody listened: the notification is lost

    // A stream resuming from the last event it sent, with no notification ever arriving.
    const silentHub = new EventEmitter();
    const events = await collect(
      alertStream(
        {
          clinicId: asClinician.clinicId,
          since: (after, limit) => alertEventsSince(asClinician, after, limit),
        },
        silentHub,
        start,
        new AbortController().signal,
        200,
      ),
      700,
    );
    const alert = await db.alert.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(events.map((event) => event.data.alertId)).toEqual([alert.id]);
  });

  it("streams an alert delivered between a page's render and its stream's start, once", async () => {
    await drain();
    const setup = await clinicWithActivePlan();
    // The page reads where deliveries stand when it renders; the alert is delivered before the browser connects.
    const renderedAfter = await latestAlertEventId(setup.asClinician);
    await redFlag(setup.patient);
    await drain();
    const stream = await openStream(setup.asClinician, undefined, renderedAfter.toString());
    const [row] = await outboxRows(setup.clinic.id);
    await until(() => stream.events.length > 0);
    await stream.close();
    expect(shown(stream.events)).toEqual([[row!.deliverySeq!.toString(), row!.alertId]]);
  });

  it("pushes a red flag to the clinic's stream through LISTEN/NOTIFY, and nothing to another clinic's", async () => {
    const hub = new RealtimeHub(url).start();
    try {
      const mine = await clinicWithActivePlan();
      const other = await clinicWithActivePlan();
      const open = (setup: typeof mine) =>
        latestAlertEventId(setup.asClinician).then((start) =>
          collect(
            // A long poll: anything arriving within the window came through the notification.
            alertStream(
              {
                clinicId: setup.asClinician.clinicId,
                since: (after, limit) => alertEventsSince(setup.asClinician, after, limit),
              },
              hub,
              start,
              new AbortController().signal,
              60_000,
            ),
            2500,
          ),
        );
      const streams = Promise.all([open(mine), open(other)]);
      await sleep(500);
      await redFlag(mine.patient);
      await hub.kick();
      const [mineEvents, otherEvents] = await streams;
      const alert = await db.alert.findFirstOrThrow({ where: { patientId: mine.patient.id } });
      expect(mineEvents.map((event) => event.data.alertId)).toEqual([alert.id]);
      expect(otherEvents).toEqual([]);
      expect(JSON.stringify(otherEvents)).not.toContain(mine.patient.id);
    } finally {
      await hub.stop();
    }
  });

  it("streams an alert whose transaction commits after a later alert's, to the open stream and on reconnect, once each", async () => {
    const { clinic, clinician, patient: first, asClinician } = await createClinic();
    const second = await createPatient(clinic.id, clinician.id);
    await drain();
    const open = await openStream(asClinician);

    // The first red flag takes its outbox id, then its transaction stays open.
    const enqueue = outbox.enqueueAlert;
    let inserted!: () => void;
    let release!: () => void;
    const insertedFirst = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(outbox, "enqueueAlert").mockImplementationOnce(async (tx, clinicId, event) => {
      await enqueue(tx, clinicId, event);
      inserted();
      await released;
    });
    const firstCommitted = redFlag(first);
    await insertedFirst;

    // Meanwhile the second commits, is relayed and reaches the open stream.
    await redFlag(second);
    await drain();
    const secondAlert = await db.alert.findFirstOrThrow({ where: { patientId: second.id } });
    await open.until((events) => events.some((event) => event.data.alertId === secondAlert.id));
    expect(await db.alert.count({ where: { patientId: first.id } })).toBe(0);
    const lastSeenBeforeFirst = open.events.at(-1)!.id;

    release();
    await firstCommitted;
    await drain();
    const firstAlert = await db.alert.findFirstOrThrow({ where: { patientId: first.id } });
    await open.until((events) => events.some((event) => event.data.alertId === firstAlert.id));
    const reconnected = await openStream(asClinician, lastSeenBeforeFirst);
    await reconnected.until((events) => events.length > 0);
    await sleep(500); // room for a duplicate to arrive
    await Promise.all([open.close(), reconnected.close()]);

    expect(open.events.map((event) => event.data.alertId)).toEqual([secondAlert.id, firstAlert.id]);
    expect(reconnected.events.map((event) => event.data.alertId)).toEqual([firstAlert.id]);
    // The first alert took the lower outbox id but was delivered second: event ids are delivery numbers.
    const rows = await outboxRows(clinic.id);
    expect(rows.map((row) => row.alertId)).toEqual([firstAlert.id, secondAlert.id]);
    const [firstRow, secondRow] = rows;
    expect(firstRow!.deliverySeq! > secondRow!.deliverySeq!).toBe(true);
    expect(shown(open.events)).toEqual([
      [secondRow!.deliverySeq!.toString(), secondAlert.id],
      [firstRow!.deliverySeq!.toString(), firstAlert.id],
    ]);
    expect(shown(reconnected.events)).toEqual([[firstRow!.deliverySeq!.toString(), firstAlert.id]]);
  });

  it("streams every one of many concurrent alerts with interleaved commits exactly once, with two relays racing", async () => {
    // As many as the app's pool (10) holds: more would queue for a connection, and Prisma gives up starting
    // a transaction after 2 s, which a busy 2-core machine can reach.
    const count = 10;
    const { clinic, clinician, patient, asClinician } = await createClinic();
    const others = await Promise.all(
      Array.from({ length: count - 1 }, () => createPatient(clinic.id, clinician.id)),
    );
    const patients = [patient, ...others];
    const otherClinic = await createClinic();
    await drain();
    const open = await openStream(asClinician);
    const elsewhere = await openStream(otherClinic.asClinician);

    // The k-th outbox row inserted waits (count - k) × 40 ms before its transaction goes on to commit, so
    // rows that took earlier ids commit later, while two relays (each with its own pool, as two app
    // processes) publish whatever has committed.
    const enqueue = outbox.enqueueAlert;
    let inserted = 0;
    vi.spyOn(outbox, "enqueueAlert").mockImplementation(async (tx, clinicId, event) => {
      await enqueue(tx, clinicId, event);
      await sleep((count - inserted++) * 40);
    });
    const relayPools = [
      new pg.Pool({ connectionString: url, max: 1 }),
      new pg.Pool({ connectionString: url, max: 1 }),
    ];
    let writing = true;
    const relays = relayPools.map(async (relayPool) => {
      while (writing) {
        await relayOutbox(relayPool);
        await sleep(2);
      }
      await drain(relayPool);
    });
    const outcomes = await concurrently(count, (i) => redFlag(patients[i]!));
    writing = false;
    await Promise.all(relays);
    await Promise.all(relayPools.map((relayPool) => relayPool.end()));
    values(outcomes);

    await open.until((events) => events.length >= count);
    await sleep(500); // room for a duplicate to arrive
    await Promise.all([open.close(), elsewhere.close()]);

    const alerts = await db.alert.findMany({ where: { clinicId: clinic.id }, select: { id: true } });
    expect(alerts).toHaveLength(count);
    const streamed = open.events.map((event) => event.data.alertId);
    expect([...streamed].sort()).toEqual(alerts.map((alert) => alert.id).sort());
    const rows = await outboxRows(clinic.id);
    expect(rows).toHaveLength(count);
    expect(rows.every((row) => row.deliveredAt !== null && row.deliverySeq !== null)).toBe(true);
    // The commits did interleave: some row with a lower id was delivered after one with a higher id.
    expect(rows.some((row, i) => i > 0 && row.deliverySeq! < rows[i - 1]!.deliverySeq!)).toBe(true);
    // Every alert reached the open stream exactly once, in delivery order, each under its delivery number.
    const inDeliveryOrder = [...rows].sort((a, b) => (a.deliverySeq! < b.deliverySeq! ? -1 : 1));
    expect(shown(open.events)).toEqual(
      inDeliveryOrder.map((row) => [row.deliverySeq!.toString(), row.alertId]),
    );
    expect(elsewhere.events).toEqual([]);
  });
});
