import type { Metadata } from "next";
import { PlanHandout } from "@/components/plan-handout";
import { getClinicPatient } from "@/lib/dal/patients";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Printable plan" };

export default async function ClinicianPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireClinician();
  const patient = await getClinicPatient(user, (await params).id);
  if (!patient.plan) {
    return (
      <main className="mx-auto max-w-3xl px-4 py-8 text-slate-700">
        {patient.name} has no active plan to print.
      </main>
    );
  }
  return (
    <PlanHandout
      patientName={patient.name}
      clinicianName={patient.clinicianName}
      emergencyNumber={patient.emergencyNumber}
      plan={patient.plan}
    />
  );
}
