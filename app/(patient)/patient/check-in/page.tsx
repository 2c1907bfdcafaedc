import type { Metadata } from "next";
import { CheckInForm } from "@/components/check-in-form";
import { PausedAdvice } from "@/components/paused-advice";
import { Disclaimer } from "@/components/session-guidance";
import { requirePatient } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Safety check-in" };

export default async function CheckInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const user = await requirePatient();
  const fromLog = (await searchParams).next === "log";
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <PausedAdvice user={user} />
      <h1 className="text-2xl font-semibold">Safety check-in</h1>
      <p className="mt-1 text-slate-600">Before every session, check that it is safe to exercise today.</p>
      {fromLog ? (
        <p
          role="status"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
        >
          Each session needs its own check-in, made in the last 2 hours. Check in first: what you typed on the
          session form is kept for when you come back.
        </p>
      ) : null}
      <CheckInForm />
      <div className="mt-8">
        <Disclaimer />
      </div>
    </main>
  );
}
