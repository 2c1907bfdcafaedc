import { alertEventsSince, latestAlertEventId } from "@/lib/dal/alert-events";
import { closeStreamLease, openStreamLease, streamStanding } from "@/lib/dal/alert-streams";
import { currentUser, fullySignedIn, type ClinicianUser } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { EVICTED, alertStream } from "@/lib/realtime/alert-stream";
import { realtimeHub } from "@/lib/realtime/hub";
import { streamCursorSchema } from "@/lib/validation/alerts";

export const dynamic = "force-dynamic";

/**
 * Server-sent events of the signed-in clinician's clinic alerts. Event ids are delivery numbers; a browser
 * reconnecting with Last-Event-ID, or a page opening the stream with ?after=, gets every delivery numbered
 * after it, a stream with neither only what comes next. The stream lives only as long as its session: it is
 * checked again while it is open (lib/realtime/alert-stream.ts), and a session holds at most five streams.
 */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user || !fullySignedIn(user)) return new Response("Sign in first.", { status: 401 });
  if (user.role !== "CLINICIAN") return new Response("Not available to your account.", { status: 403 });
  const clinician = user as ClinicianUser;

  // A reconnecting browser says where it stopped (Last-Event-ID); a page says which delivery it was rendered
  // after (?after=); anything else starts with what comes next.
  const resumeFrom =
    request.headers.get("last-event-id") || new URL(request.url).searchParams.get("after") || null;
  let start: bigint;
  if (resumeFrom !== null) {
    const cursor = streamCursorSchema.safeParse(resumeFrom);
    if (!cursor.success) return new Response(cursor.error.issues[0]!.message, { status: 400 });
    start = cursor.data;
  } else {
    start = await latestAlertEventId(clinician);
  }

  const lease = await openStreamLease(clinician);
  if (!lease) return new Response("Sign in first.", { status: 401 });
  const hub = realtimeHub(env.DATABASE_URL);
  // Streams of this process close at once; those of other processes at their next check.
  if (lease.evicted.length > 0) hub.emit(EVICTED, lease.evicted);

  const stream = alertStream(
    {
      clinicId: clinician.clinicId,
      since: (after, limit) => alertEventsSince(clinician, after, limit),
      standing: () => streamStanding(lease, clinician.clinicId),
      leaseId: lease.id,
      onClose: () => {
        closeStreamLease(lease.id).catch((error: unknown) =>
          console.error("[realtime] forgetting a closed stream failed", error),
        );
      },
    },
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
