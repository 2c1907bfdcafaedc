"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ClosedEvent } from "@/lib/realtime/alert-stream";

/** Alert ids remembered for de-duplication; the oldest are forgotten past this many. */
const REMEMBERED = 500;

/**
 * Keeps a clinician's page current: listens to the clinic's alert stream and re-renders the page's server
 * components when an alert arrives, announcing it to screen readers. The browser's EventSource reconnects by
 * itself and resumes from the last event id. The server sends each delivery once per stream and resumes
 * after the last one; the page still announces an alert once by its id, whatever reaches it twice. A stream
 * the server ends for good (the session ended, or newer tabs took its place) is not reopened: the page says
 * why instead.
 */
export function LiveAlerts({ since }: { since: string }) {
  const router = useRouter();
  // The delivery the page was rendered after: the stream starts there, so an alert delivered between the
  // render and the connection is streamed too. Later renders (router.refresh) keep the open stream.
  const [after] = useState(since);
  const [announcement, setAnnouncement] = useState("");
  const [stopped, setStopped] = useState<ClosedEvent["reason"] | null>(null);
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const source = new EventSource(`/api/alerts/stream?after=${encodeURIComponent(after)}`);
    source.addEventListener("alert", (event) => {
      const alert = JSON.parse((event as MessageEvent<string>).data) as {
        alertId: string;
        patientName: string;
        severity: string;
      };
      if (seen.current.has(alert.alertId)) return;
      seen.current.add(alert.alertId);
      if (seen.current.size > REMEMBERED) seen.current.delete(seen.current.values().next().value!);
      setAnnouncement(
        `New ${alert.severity === "URGENT" ? "urgent alert" : "warning"} for ${alert.patientName}.`,
      );
      router.refresh();
    });
    source.addEventListener("closed", (event) => {
      source.close();
      setStopped((JSON.parse((event as MessageEvent<string>).data) as ClosedEvent).reason);
    });
    return () => source.close();
  }, [router, after]);
  return (
    <>
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
      {stopped && (
        <div role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {stopped === "signed-out" ? (
            <>
              New alerts no longer reach this page: your session has ended.{" "}
              <Link href="/login" className="font-medium underline">
                Sign in again
              </Link>
            </>
          ) : (
            <>
              New alerts no longer reach this page: it is open in too many tabs or windows.{" "}
              <button
                type="button"
                className="font-medium underline"
                onClick={() => window.location.reload()}
              >
                Reload to receive them here
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
