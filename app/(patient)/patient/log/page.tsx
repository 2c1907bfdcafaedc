import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PausedAdvice } from "@/components/paused-advice";
import { SessionLogForm } from "@/components/session-log-form";
import { getLogForm } from "@/lib/dal/session-logs";
import { requirePatient } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Log a session" };

export default async function LogPage() {
  const user = await requirePatient();
  const { plan, refusal, checkInNeeded } = await getLogForm(user);
  // Every session is preceded by its own clear check-in; the form keeps what was typed for the way back.
  if (checkInNeeded) redirect("/patient/check-in?next=log");
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <PausedAdvice user={user} />
      <h1 className="text-2xl font-semibold">Log a session</h1>
      {refusal || !plan ? (
        <p
          role="alert"
          aria-label="Logging unavailable"
          className="mt-6 rounded-xl border border-red-300 bg-red-50 p-4 font-medium text-red-900"
        >
          {refusal}
        </p>
      ) : (
        <>
          <p className="mt-1 text-slate-600">
            Plan version {plan.version}. Stop at once if anything makes the pain worse or spread.
          </p>
          <SessionLogForm
            planVersion={plan.version}
            items={plan.items.map((item) => ({ exerciseId: item.exerciseId, name: item.exercise.name }))}
          />
        </>
      )}
    </main>
  );
}
