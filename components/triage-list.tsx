import Link from "next/link";
import type { TriageRow } from "@/lib/dal/triage";
import { formatDayMonth } from "@/lib/time";
import { SeverityBadge } from "./alert-list";
import { PatientStatusBadge } from "./patient-status-badge";
import { Sparkline } from "./sparkline";

const ENGAGEMENT = {
  INACTIVE: { text: "Inactive 3+ days", className: "bg-amber-50 text-amber-900 ring-amber-200" },
  STALLED: { text: "Stalled 14+ days", className: "bg-orange-100 text-orange-900 ring-orange-300" },
} as const;

/** The clinic's patients by need; dates in `zone`, the reader's. */
export function TriageList({ patients, zone }: { patients: TriageRow[]; zone: string }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {patients.map((patient) => {
        const pain = patient.painTrend.map((point) => point.after);
        return (
          <li
            key={patient.id}
            className="grid gap-x-4 gap-y-2 px-4 py-3 sm:grid-cols-[minmax(0,1.4fr)_auto_minmax(0,1fr)] sm:items-center"
          >
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                {/* Not prefetched (see app-header.tsx): the list would ask for every visible patient's page. */}
                <Link
                  href={`/clinician/patients/${patient.id}`}
                  prefetch={false}
                  className="font-semibold text-slate-900 underline-offset-2 hover:underline"
                >
                  {patient.name}
                </Link>
                {patient.openAlerts.urgent > 0 ? <SeverityBadge severity="URGENT" /> : null}
                {patient.openAlerts.overdue ? (
                  <span className="text-xs font-semibold text-red-800">Overdue</span>
                ) : null}
                {patient.openAlerts.urgent === 0 && patient.openAlerts.warning > 0 ? (
                  <SeverityBadge severity="WARNING" />
                ) : null}
                {patient.engagement === "INACTIVE" || patient.engagement === "STALLED" ? (
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${ENGAGEMENT[patient.engagement].className}`}
                  >
                    {ENGAGEMENT[patient.engagement].text}
                  </span>
                ) : null}
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <PatientStatusBadge status={patient.status} />
                <span>
                  {patient.lastSessionAt
                    ? `Last session ${formatDayMonth(patient.lastSessionAt, zone)}`
                    : "No sessions yet"}
                </span>
                {patient.openAlerts.urgent + patient.openAlerts.warning > 0 ? (
                  <span>
                    · {patient.openAlerts.urgent + patient.openAlerts.warning} open alert
                    {patient.openAlerts.urgent + patient.openAlerts.warning === 1 ? "" : "s"}
                  </span>
                ) : null}
              </div>
            </div>
            {/* A patient who never logged is not "two weeks without a session": the row says "No sessions yet". */}
            {patient.lastSessionAt ? (
              <Sparkline
                values={pain}
                label={
                  pain.length
                    ? `${patient.name}: pain after sessions in the last two weeks, ${pain.join(", ")} out of 10`
                    : `${patient.name}: no sessions in the last two weeks`
                }
              />
            ) : (
              <span aria-hidden="true" />
            )}
            <p className="text-sm text-slate-700 sm:text-right">
              {patient.adherence
                ? `${patient.adherence.done} of ${patient.adherence.target} sessions this week`
                : patient.planStatus
                  ? ""
                  : "No plan yet"}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
