"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** Alert ids remembered for de-duplication; the oldest are forgotten past this many. */
const REMEMBERED = 500;

/**
 * Keeps a clinician's page current: listens to the clinic's alert stream and re-renders the page's server
 * components when an alert arrives, announcing it to screen readers. The browser's EventSource reconnects by
 * itself and resumes from the last event id. The server sends each delivery once per stream and resumes
 * after the last one; the page still announces an alert once by its id, whatever reaches it twice.
 */
export function LiveAlerts({ since }: { since: string }) {
  const router = useRouter();
  // The delivery the page was rendered after: the stream starts there, so an alert delivered between the
  // render and the connection is streamed too. Later renders (router.refresh) keep the open stream.
  const [after] = useState(since);
  const [announcement, setAnnouncement] = useState("");
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
    return () => source.close();
  }, [router, after]);
  return (
    <p aria-live="assertive" className="sr-only">
      {announcement}
    </p>
  );
}
