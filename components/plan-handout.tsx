import { describeDose } from "@/lib/domain/plan-snapshot";
import { DISCLAIMER, SESSION_RULES } from "@/lib/domain/guidance";
import type { CurrentPlan } from "@/lib/dal/plans";
import { calendarDay, formatCalendarDay } from "@/lib/time";
import { PrintButton } from "./print-button";

/** A one-page handout of a plan, laid out for paper. */
export function PlanHandout({
  patientName,
  clinicianName,
  emergencyNumber,
  plan,
}: {
  patientName: string;
  clinicianName: string;
  /** The clinic's emergency number (clinic settings), printed beside the red flags. */
  emergencyNumber: string;
  plan: CurrentPlan;
}) {
  return (
    <main className="mx-auto max-w-3xl bg-white px-6 py-8 print:max-w-none print:p-0 print:text-[11pt]">
      <div className="mb-6 flex justify-end print:hidden">
        <PrintButton />
      </div>
      <header className="border-b border-slate-300 pb-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Backcare exercise plan</p>
        <h1 className="text-2xl font-semibold">{patientName}</h1>
        <p className="text-slate-700">
          From {clinicianName} · version {plan.version} · starting{" "}
          {formatCalendarDay(calendarDay(plan.startDate))}
        </p>
      </header>
      <ol className="mt-4 space-y-3">
        {plan.items.map((item) => (
          <li key={item.id} className="break-inside-avoid">
            <h2 className="font-semibold">
              {item.position}. {item.exercise.name}{" "}
              <span className="font-normal text-slate-700">({describeDose(item)}, light)</span>
            </h2>
            <p className="text-slate-800">{item.exercise.instructions}</p>
            {item.exercise.formCues.length ? (
              <p className="text-sm text-slate-700">Form: {item.exercise.formCues.join("; ")}.</p>
            ) : null}
            {item.note ? <p className="text-sm text-slate-700">Note: {item.note}</p> : null}
          </li>
        ))}
      </ol>
      <section className="mt-5 break-inside-avoid border-t border-slate-300 pt-3">
        <h2 className="font-semibold">During every session</h2>
        <ul className="list-disc pl-5 text-slate-800">
          {SESSION_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <p className="mt-2 font-medium">
          Stop and seek immediate medical attention if you cannot walk, have tingling or numbness, have
          trouble controlling your bowels or bladder, cannot move parts of your body, or have very severe
          pain. In an emergency, call {emergencyNumber}.
        </p>
      </section>
      <p className="mt-4 text-sm text-slate-600">{DISCLAIMER}</p>
    </main>
  );
}
