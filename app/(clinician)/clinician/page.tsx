import type { Metadata } from "next";
import Link from "next/link";
import { AlertList, SeverityBadge } from "@/components/alert-list";
import { LiveAlerts } from "@/components/live-alerts";
import { PatientStatusBadge } from "@/components/patient-status-badge";
import { listOpenAlerts } from "@/lib/dal/alerts";
import { listClinicPatients } from "@/lib/dal/patients";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Patients" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export default async function ClinicianHome() {
  const user = await requireClinician();
  const [patients, alerts] = await Promise.all([listClinicPatients(user), listOpenAlerts(user)]);
  const urgent = alerts.filter((alert) => alert.severity === "URGENT").length;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <LiveAlerts />
      <section aria-labelledby="alerts-heading">
        <h1 id="alerts-heading" className="text-2xl font-semibold">
          Alerts{" "}
          <span className="text-base font-normal text-slate-600" data-testid="open-alert-count">
            ({alerts.length} open{urgent ? `, ${urgent} urgent` : ""})
          </span>
        </h1>
        <AlertList alerts={alerts} />
      </section>

      <section aria-labelledby="patients-heading" className="mt-10">
        <h2 id="patients-heading" className="text-xl font-semibold">
          Patients
        </h2>
        {patients.length === 0 ? (
          <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
            Your clinic has no patients yet.
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
            {patients.map((patient) => (
              <li key={patient.id}>
                <Link
                  href={`/clinician/patients/${patient.id}`}
                  className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50"
                >
                  <span className="font-medium text-slate-900">{patient.name}</span>
                  {patient.topSeverity ? <SeverityBadge severity={patient.topSeverity} /> : null}
                  <PatientStatusBadge status={patient.status} />
                  <span className="ml-auto text-sm text-slate-600">
                    {patient.planStatus ? `Plan ${patient.planStatus.toLowerCase()}` : "No plan yet"}
                    {" · "}
                    {patient.lastSessionAt
                      ? `last session ${dateFormat.format(patient.lastSessionAt)}`
                      : "no sessions yet"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
