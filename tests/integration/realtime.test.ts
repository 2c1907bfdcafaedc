import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { alertEventsSince, latestAlertEventId } from "@/lib/dal/alert-events";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { alertStream } from "@/lib/realtime/alert-stream";
import { RealtimeHub } from "@/lib/realtime/hub";
import { ALERT_CHANNEL, relayOutbox, type AlertNotification } from "@/lib/realtime/relay";
import { clinicWithActivePlan } from "../support/plans";

const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 4 });
afterAll(() => pool.end());

async function listen(): Promise<{ received: AlertNotification[]; stop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  const received: AlertNotification[] = [];
  client.on("notification", (message) => received.push(JSON.parse(message.payload!) as AlertNotification));
  await client.connect();
  await client.query(`listen ${ALERT_CHANNEL}`);
  return { received, stop: () => client.end() };
}

async function redFlag(patient: Awaited<ReturnType<typeof clinicWithActivePlan>>["patient"]) {
  return submitCheckIn(patient.asPatient, {
    idempotencyKey: randomUUID(),
    redFlags: ["TINGLING_OR_NUMBNESS"],
    painScore: 4,
  });
}

async function drain(): Promise<void> {
  while ((await relayOutbox(pool)) > 0);
}

const until = async (condition: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
};

/** Reads a stream's events for `ms` milliseconds. */
async function collect(
  stream: ReadableStream<Uint8Array>,
  ms: number,
): Promise<{ id: string; data: { alertId: string } }[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const timer = setTimeout(() => void reader.cancel(), ms);
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) break;
    text += decoder.decode(value);
  }
  clearTimeout(timer);
  return text
    .split("\n\n")
    .filter((block) => block.includes("event: alert"))
    .map((block) => ({
      id: /^id: (.*)$/m.exec(block)![1]!,
      data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { alertId: string },
    }));
}

describe("alert delivery", () => {
  it("relays every outbox row once, even with two relays racing", async () => {
    await drain();
    const listener = await listen();
    const setups = await Promise.all(Array.from({ length: 5 }, () => clinicWithActivePlan()));
    for (const setup of setups) await redFlag(setup.patient);
    const published = await Promise.all([relayOutbox(pool), relayOutbox(pool)]);
    expect(published[0]! + published[1]!).toBe(5);
    await until(() => listener.received.length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listener.received).toHaveLength(5);
    expect(new Set(listener.received.map((notification) => notification.id)).size).toBe(5);
    expect(new Set(listener.received.map((notification) => notification.clinicId))).toEqual(
      new Set(setups.map((setup) => setup.clinic.id)),
    );
    expect(await db.outboxMessage.count({ where: { deliveredAt: null } })).toBe(0);
    await listener.stop();
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
        { clinicId: asClinician.clinicId, since: (after) => alertEventsSince(asClinician, after) },
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
                since: (after) => alertEventsSince(setup.asClinician, after),
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
      await new Promise((resolve) => setTimeout(resolve, 500));
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
});
