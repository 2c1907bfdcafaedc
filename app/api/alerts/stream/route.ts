import { alertEventsSince, latestAlertEventId } from "@/lib/dal/alert-events";
import { currentUser, fullySignedIn, type ClinicianUser } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { alertStream } from "@/lib/realtime/alert-stream";
import { realtimeHub } from "@/lib/realtime/hub";

export const dynamic = "force-dynamic";

const LAST_EVENT_ID = /^\d{1,19}$/;

/**
 * Server-sent events of the signed-in clinician's clinic alerts. Event ids are delivery numbers; a browser
 * reconnecting with Last-Event-ID, or a page opening the stream with ?after=, gets every delivery numbered
 * after it, a stream with neither only what comes next.
 */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user || !fullySignedIn(user)) return new Response("Sign in first.", { status: 401 });
  if (user.role !== "CLINICIAN") return new Response("Not available to your account.", { status: 403 });
  const clinician = user as ClinicianUser;

  // A reconnecting browser says where it stopped (Last-Event-ID); a page says which delivery it was rendered
  // after (?after=); anything else starts with what comes next.
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  const start =
    lastEventId && LAST_EVENT_ID.test(lastEventId)
      ? BigInt(lastEventId)
      : await latestAlertEventId(clinician);
  const hub = realtimeHub(env.DATABASE_URL);
  const stream = alertStream(
    { clinicId: clinician.clinicId, since: (after, limit) => alertEventsSince(clinician, after, limit) },
    hub,
    start,
    request.signal,
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
