"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Keeps a clinician's page current: listens to the clinic's alert stream and re-renders the page's server
 * components when an alert arrives, announcing it to screen readers. The browser's EventSource reconnects by
 * itself and resumes from the last event id.
 */
export function LiveAlerts() {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const source = new EventSource("/api/alerts/stream");
    source.addEventListener("alert", (event) => {
      const alert = JSON.parse((event as MessageEvent<string>).data) as {
        patientName: string;
        severity: string;
      };
      setAnnouncement(
        `New ${alert.severity === "URGENT" ? "urgent alert" : "warning"} for ${alert.patientName}.`,
      );
      router.refresh();
    });
    return () => source.close();
  }, [router]);
  return (
    <p aria-live="assertive" className="sr-only">
      {announcement}
    </p>
  );
}
