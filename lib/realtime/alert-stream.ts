import type { EventEmitter } from "node:events";
import type { AlertStreamEvent } from "@/lib/dal/alert-events";
import type { AlertNotification } from "./relay";

export const POLL_MS = 5000;
const HEARTBEAT_MS = 20_000;

export type AlertSource = {
  /** Deliveries after the cursor, oldest first, already scoped to the signed-in clinician's clinic. */
  since: (after: bigint) => Promise<AlertStreamEvent[]>;
  clinicId: string;
};

/**
 * A server-sent event stream of one clinic's alerts. Every event is read from the database after a cursor
 * (the last event id sent), so nothing is sent twice and nothing is skipped: a NOTIFY for this clinic only
 * makes it read now instead of at the next poll, and a reconnecting browser resumes from Last-Event-ID.
 */
export function alertStream(
  source: AlertSource,
  hub: EventEmitter,
  start: bigint,
  signal: AbortSignal,
  pollMs = POLL_MS,
) {
  const encoder = new TextEncoder();
  let cursor = start;
  let reading: Promise<void> = Promise.resolve();
  let closed = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const read = () => {
        reading = reading.then(async () => {
          if (closed) return;
          try {
            for (const event of await source.since(cursor)) {
              write(`id: ${event.id}\nevent: alert\ndata: ${JSON.stringify(event)}\n\n`);
              cursor = BigInt(event.id);
            }
          } catch (error) {
            console.error("[realtime] reading alerts failed; the next poll retries", error);
          }
        });
      };
      const onAlert = (notification: AlertNotification) => {
        if (notification.clinicId === source.clinicId) read();
      };
      const poll = setInterval(read, pollMs);
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(poll);
        clearInterval(heartbeat);
        hub.off("alert", onAlert);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      hub.on("alert", onAlert);
      signal.addEventListener("abort", close, { once: true });
      write("retry: 2000\n\n");
      read();
    },
    cancel() {
      closed = true;
    },
  });
}
