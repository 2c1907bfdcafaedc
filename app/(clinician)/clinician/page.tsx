import type { Metadata } from "next";
import Link from "next/link";
import { PatientStatusBadge } from "@/components/patient-status-badge";
import { listClinicPatients } from "@/lib/dal/patients";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Patients" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export default async function ClinicianHome() {
  const user = await requireClinician();
  const patients = await listClinicPatients(user);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Patients</h1>
      {patients.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          Your clinic has no patients yet.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {patients.map((patient) => (
            <li key={patient.id}>
              <Link
                href={`/clinician/patients/${patient.id}`}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50"
              >
                <span className="font-medium text-slate-900">{patient.name}</span>
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
    </main>
  );
}
