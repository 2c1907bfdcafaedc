import type { EventEmitter } from "node:events";
import type { AlertStreamEvent } from "@/lib/dal/alert-events";
import type { StreamStanding } from "@/lib/dal/alert-streams";
import type { AlertNotification } from "./relay";

export const POLL_MS = 5000;
/** How often an open stream asks whether its session still stands, well inside the promised 15 s. */
export const RECHECK_MS = 10_000;
/** The hub event that closes this process's streams whose leases a newer stream pushed out. */
export const EVICTED = "stream-evicted";
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
  /**
   * Whether the stream may go on (lib/dal/alert-streams.ts): asked every RECHECK_MS and before anything is
   * sent. Without it (tests of delivery alone) the stream never ends by itself.
   */
  standing?: () => Promise<StreamStanding>;
  /** The stream's lease, for EVICTED events of the hub. */
  leaseId?: string;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
};

/**
 * The last event of a stream that ends for good: the page stops its EventSource instead of reconnecting
 * (which would be refused, or push out another of the session's streams) and tells the clinician why.
 */
export type ClosedEvent = { reason: Exclude<StreamStanding, "open"> };

/**
 * A server-sent event stream of one clinic's alerts. Every event is read from the database after a cursor
 * (the last delivery number sent, which is also the event id), so nothing is sent twice and nothing is
 * skipped: a NOTIFY for this clinic only makes it read now instead of at the next poll, and a reconnecting
 * browser resumes from Last-Event-ID. The session is checked again every RECHECK_MS and before each batch of
 * events: a stream of a session that has ended closes with a `closed` event instead of sending on.
 */
export function alertStream(
  source: AlertSource,
  hub: EventEmitter,
  start: bigint,
  signal: AbortSignal,
  pollMs = POLL_MS,
  recheckMs = RECHECK_MS,
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
      // Asks whether the session still stands; a stream that may not go on ends with the reason. A failed
      // check ends the stream without one: the browser reconnects and is authorized afresh.
      const mayContinue = async (): Promise<boolean> => {
        if (!source.standing) return true;
        let standing: StreamStanding;
        try {
          standing = await source.standing();
        } catch (error) {
          console.error("[realtime] checking the stream's session failed; closing it", error);
          close();
          return false;
        }
        if (standing === "open") return !closed;
        end(standing);
        return false;
      };
      // Reads and checks run one after another. A burst of notifications queues one read, not one each: a
      // read that has not started yet will see every delivery committed before it starts.
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
              if (page.length > 0 && !(await mayContinue())) return;
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
      const recheck = () => {
        reading = reading.then(async () => {
          if (!closed) await mayContinue();
        });
      };
      const onAlert = (notification: AlertNotification) => {
        if (notification.clinicId === source.clinicId) read();
      };
      const onEvicted = (leaseIds: string[]) => {
        if (source.leaseId && leaseIds.includes(source.leaseId)) end("replaced");
      };
      const poll = setInterval(read, pollMs);
      const check = setInterval(recheck, recheckMs);
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(poll);
        clearInterval(check);
        clearInterval(heartbeat);
        hub.off("alert", onAlert);
        hub.off(EVICTED, onEvicted);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
        source.onClose?.();
      };
      const end = (reason: ClosedEvent["reason"]) => {
        write(`event: closed\ndata: ${JSON.stringify({ reason } satisfies ClosedEvent)}\n\n`);
        close();
      };
      hub.on("alert", onAlert);
      hub.on(EVICTED, onEvicted);
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
