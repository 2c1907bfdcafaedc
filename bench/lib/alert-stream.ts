import { request, type ClientRequest } from "node:http";

export type StreamedAlert = {
  /** The event's id: what a browser sends back as Last-Event-ID when it reconnects. */
  eventId: string;
  alertId: string;
  patientId: string;
  severity: string;
  receivedAt: number;
};

/**
 * A clinician's /api/alerts/stream, read the way a browser's EventSource reads it, resuming after
 * `lastEventId` when given. Resolves once the server has answered and sent its first frame; `onAlert` sees
 * each `alert` event with the time it arrived.
 */
export function openAlertStream(
  baseUrl: string,
  cookie: string,
  onAlert: (alert: StreamedAlert) => void,
  lastEventId?: string,
): Promise<{ close: () => void }> {
  return new Promise((resolve, reject) => {
    let call: ClientRequest | null = null;
    const headers: Record<string, string> = { cookie, accept: "text/event-stream" };
    if (lastEventId) headers["last-event-id"] = lastEventId;
    call = request(`${baseUrl}/api/alerts/stream`, { headers }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`The alert stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding("utf8");
      let buffer = "";
      let opened = false;
      response.on("data", (chunk: string) => {
        const receivedAt = Date.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = frame.split("\n");
          const data = lines.find((line) => line.startsWith("data: "));
          const id = lines.find((line) => line.startsWith("id: "));
          if (lines.includes("event: alert") && data && id) {
            const event = JSON.parse(data.slice(6)) as Omit<StreamedAlert, "receivedAt" | "eventId">;
            onAlert({
              eventId: id.slice(4),
              alertId: event.alertId,
              patientId: event.patientId,
              severity: event.severity,
              receivedAt,
            });
          }
        }
        if (!opened) {
          opened = true;
          resolve({ close: () => call?.destroy() });
        }
      });
    });
    call.on("error", (error) => reject(error));
    call.end();
  });
}
