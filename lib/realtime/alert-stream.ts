import type { EventEmitter } from "node:events";
import type { AlertStreamEvent } from "@/lib/dal/alert-events";
import type { AlertNotification } from "./relay";

export const POLL_MS = 5000;
const HEARTBEAT_MS = 20_000;
/** Deliveries read at a time; a full page is followed at once by the next. */
const PAGE = 50;

export type AlertSource = {
  /**
   * Up to `limit` deliveries numbered after the cursor, in delivery order, already scoped to the signed-in
   * clinician's clinic. Numbers must become visible in increasing order (lib/realtime/relay.ts).
   */
  since: (after: bigint, limit: number) => Promise<AlertStreamEvent[]>;
  clinicId: string;
};

/**
 * A server-sent event stream of one clinic's alerts. Every event is read from the database after a cursor
 * (the last delivery number sent, which is also the event id), so nothing is sent twice and nothing is
 * skipped: a NOTIFY for this clinic only makes it read now instead of at the next poll, and a reconnecting
 * browser resumes from Last-Event-ID.
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
  let queued = false;
  let closed = false;
  let close = () => {
    closed = true;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      // Reads run one after another. A burst of notifications queues one read, not one each: a read that
      // has not started yet will see every delivery committed before it starts.
      const read = () => {
        if (queued) return;
        queued = true;
        reading = reading.then(async () => {
          queued = false;
          if (closed) return;
          try {
            let page: AlertStreamEvent[];
            do {
              page = await source.since(cursor, PAGE);
              for (const event of page) {
                write(`id: ${event.id}\nevent: alert\ndata: ${JSON.stringify(event)}\n\n`);
                cursor = BigInt(event.id);
              }
            } while (page.length === PAGE && !closed);
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
      close = () => {
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
    // The reader went away (the browser closed the page): stop polling and listening, as on abort.
    cancel() {
      close();
    },
  });
}
