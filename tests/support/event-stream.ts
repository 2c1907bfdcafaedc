import type { AlertStreamEvent } from "@/lib/dal/alert-events";
import type { ClosedEvent } from "@/lib/realtime/alert-stream";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 25 ms until it holds or `ms` have passed. */
export const until = async (condition: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await sleep(25);
};

export type Received = { id: string; data: AlertStreamEvent };

/**
 * Reads an alert stream's events as they arrive, as a browser's EventSource would: the alerts, the `closed`
 * event the server ends a stream with, and when the stream ended.
 */
export function reading(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: Received[] = [];
  const state: { closed: ClosedEvent | null; endedAt: number | null } = { closed: null, endedAt: null };
  let buffer = "";
  const finished = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) {
        state.endedAt = Date.now();
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (block.includes("event: closed")) state.closed = JSON.parse(data!) as ClosedEvent;
        if (!block.includes("event: alert")) continue;
        events.push({ id: /^id: (.*)$/m.exec(block)![1]!, data: JSON.parse(data!) as AlertStreamEvent });
      }
    }
  })();
  return {
    events,
    /** The `closed` event, once the server sent one. */
    get closed() {
      return state.closed;
    },
    /** When the stream ended (Date.now()), or null while it is open. */
    get endedAt() {
      return state.endedAt;
    },
    /** Waits (up to 8 s: longer than the stream's fallback poll) until the events satisfy `condition`. */
    until: (condition: (events: Received[]) => boolean, ms = 8000) => until(() => condition(events), ms),
    /** Waits up to `ms` for the server to end the stream. */
    ended: (ms: number) => until(() => state.endedAt !== null, ms),
    close: async () => {
      await reader.cancel().catch(() => {});
      await finished;
    },
  };
}
