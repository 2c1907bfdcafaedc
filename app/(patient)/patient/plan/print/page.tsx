import type { Metadata } from "next";
import { PausedAdvice } from "@/components/paused-advice";
import { PlanHandout } from "@/components/plan-handout";
import { getOwnPlan } from "@/lib/dal/patients";
import { requirePatient } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Printable plan" };

export default async function PatientPrintPage() {
  const user = await requirePatient();
  const { plan, clinicianName, emergencyNumber, status } = await getOwnPlan(user);
  if (status === "PAUSED_RED_FLAG") {
    return (
      <main className="mx-auto max-w-3xl px-4 py-8">
        <PausedAdvice user={user} />
      </main>
    );
  }
  if (!plan)
    return <main className="mx-auto max-w-3xl px-4 py-8 text-slate-700">You have no plan to print yet.</main>;
  return (
    <PlanHandout
      patientName={user.name}
      clinicianName={clinicianName}
      emergencyNumber={emergencyNumber}
      plan={plan}
    />
  );
}
