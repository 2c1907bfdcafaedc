import type { Metadata } from "next";
import Link from "next/link";
import { PlanChangesBanner } from "@/components/plan-changes-banner";
import { PausedAdvice } from "@/components/paused-advice";
import { PlanItems } from "@/components/plan-items";
import { Disclaimer, LifestyleTips, SessionRules } from "@/components/session-guidance";
import { getOwnPlan } from "@/lib/dal/patients";
import { requirePatient } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Today's plan" };

export default async function PatientHome() {
  const user = await requirePatient();
  const { plan, clinicianName, status, unseenChanges } = await getOwnPlan(user);
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <PausedAdvice user={user} />
      <div>
        <h1 className="text-2xl font-semibold">Hello, {user.name.split(" ")[0]}</h1>
        <p className="mt-1 text-slate-600">Your plan from {clinicianName}.</p>
        {plan?.status === "ACTIVE" && status === "ACTIVE" ? (
          <Link
            href="/patient/check-in"
            prefetch={false}
            className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            Start a session
          </Link>
        ) : null}
      </div>
      {/* While paused by a red flag the plan is hidden: the advice above is all there is to follow. */}
      {status !== "PAUSED_RED_FLAG" && plan && unseenChanges.length > 0 ? (
        <PlanChangesBanner
          planId={plan.id}
          version={plan.version}
          clinicianName={clinicianName}
          changes={unseenChanges}
        />
      ) : null}
      {status === "PAUSED_RED_FLAG" ? null : plan ? (
        <section aria-labelledby="plan-heading">
          <h2 id="plan-heading" className="text-xl font-semibold">
            Today&apos;s plan
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Version {plan.patientVersion}
            {plan.status === "PAUSED" ? " · paused" : ""} ·{" "}
            <Link href="/patient/plan/print" prefetch={false} className="text-brand-700 underline">
              Printable plan
            </Link>
          </p>
          <div className="mt-4">
            <PlanItems items={plan.items} />
          </div>
        </section>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          You have no plan yet. {clinicianName} will set one up for you.
        </p>
      )}
      <SessionRules />
      <LifestyleTips />
      <Disclaimer />
    </main>
  );
}
