import Link from "next/link";
import type { OpenAlert } from "@/lib/dal/alerts";
import { formatDateTime } from "@/lib/time";
import { AcknowledgeButton, ResolveWarningForm } from "./alert-actions";

export function SeverityBadge({ severity }: { severity: "URGENT" | "WARNING" }) {
  return severity === "URGENT" ? (
    <span className="rounded-full bg-red-700 px-2.5 py-0.5 text-xs font-bold uppercase tracking-wide text-white">
      Urgent
    </span>
  ) : (
    <span className="rounded-full bg-amber-200 px-2.5 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-950">
      Warning
    </span>
  );
}

/** Open alerts, URGENT first, each with what can be done about it from here; times in `zone`, named. */
export function AlertList({
  alerts,
  zone,
  showPatient = true,
}: {
  alerts: OpenAlert[];
  zone: string;
  showPatient?: boolean;
}) {
  const when = (at: Date) => formatDateTime(at, zone, { withZone: true });
  if (alerts.length === 0) {
    return (
      <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-600">
        No open alerts.
      </p>
    );
  }
  return (
    <ul className="mt-3 space-y-3">
      {alerts.map((alert) => (
        <li
          key={alert.id}
          className={`rounded-xl border bg-white p-4 ${alert.severity === "URGENT" ? "border-red-300" : "border-amber-300"}`}
        >
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={alert.severity} />
            {alert.overdue ? (
              <span className="rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-semibold text-red-900">
                Overdue: not acknowledged within 15 minutes
              </span>
            ) : null}
            {showPatient ? (
              <Link
                href={`/clinician/patients/${alert.patient.id}`}
                className="font-semibold text-slate-900 underline"
              >
                {alert.patient.user.name}
              </Link>
            ) : null}
            <span className="text-sm text-slate-600">{when(alert.createdAt)}</span>
          </div>
          <p className="mt-2 wrap-anywhere text-slate-800">{alert.message}</p>
          {alert.status === "ACKNOWLEDGED" ? (
            <p className="mt-1 text-sm text-slate-600">
              Acknowledged by {alert.acknowledgedBy?.name} at{" "}
              {alert.acknowledgedAt ? when(alert.acknowledgedAt) : ""}
              {alert.severity === "URGENT" ? " · resolves when a doctor's clearance is recorded" : ""}
            </p>
          ) : (
            <div className="mt-2">
              <AcknowledgeButton alertId={alert.id} patientName={alert.patient.user.name} />
            </div>
          )}
          {alert.severity === "WARNING" ? <ResolveWarningForm alertId={alert.id} /> : null}
        </li>
      ))}
    </ul>
  );
}
