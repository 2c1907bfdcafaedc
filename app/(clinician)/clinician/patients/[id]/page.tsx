import type { Metadata } from "next";
import Link from "next/link";
import { PatientStatusBadge } from "@/components/patient-status-badge";
import { PlanItems } from "@/components/plan-items";
import { getClinicPatient } from "@/lib/dal/patients";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Patient" };

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireClinician();
  const patient = await getClinicPatient(user, (await params).id);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <Link href="/clinician" className="text-sm text-brand-700 underline">
        ← All patients
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{patient.name}</h1>
        <PatientStatusBadge status={patient.status} />
      </div>
      <p className="mt-1 text-slate-600">
        {patient.email} · clinician {patient.clinicianName}
      </p>

      <section aria-labelledby="plan-heading" className="mt-8">
        <h2 id="plan-heading" className="text-xl font-semibold">
          Plan
        </h2>
        {patient.plan ? (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {patient.plan.status === "ACTIVE" ? "Active" : "Paused"} · version {patient.plan.version} ·
              started {dateFormat.format(patient.plan.startDate)}
            </p>
            <div className="mt-4">
              <PlanItems items={patient.plan.items} />
            </div>
          </>
        ) : (
          <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
            {patient.name} has no plan yet.
          </p>
        )}
      </section>
    </main>
  );
}
