import type { Metadata } from "next";
import Link from "next/link";
import { getOwnCheckIn } from "@/lib/dal/check-ins";
import { requirePatient } from "@/lib/dal/session";
import { redFlagLabel } from "@/lib/domain/red-flags";

export const metadata: Metadata = { title: "Check-in result" };

export default async function CheckInResultPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePatient();
  const checkIn = await getOwnCheckIn(user, (await params).id);
  const { assessment } = checkIn;
  if (assessment.outcome === "CLEAR") {
    return (
      <main className="mx-auto max-w-2xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Safe to start</h1>
        <p className="mt-2 text-slate-700">No red flags. Remember to warm up first and go slowly.</p>
        <Link
          href="/patient/log"
          className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white"
        >
          Log your session
        </Link>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <section
        aria-labelledby="red-flag-heading"
        className="rounded-xl border-2 border-red-600 bg-red-50 p-5"
      >
        <h1 id="red-flag-heading" className="text-2xl font-bold text-red-900">
          Seek immediate medical attention
        </h1>
        <p className="mt-2 text-red-950">You reported:</p>
        <ul className="mt-1 list-disc pl-6 font-medium text-red-950">
          {assessment.flags.map((flag) => (
            <li key={flag}>
              {redFlagLabel(flag)}
              {flag === "VERY_SEVERE_PAIN" ? ` (pain ${checkIn.painScore} out of 10)` : ""}
            </li>
          ))}
        </ul>
        {assessment.callEmergencyServices ? (
          <p className="mt-4 rounded-lg bg-red-700 p-3 font-semibold text-white">
            If you cannot walk, or cannot control your bladder or bowels, call emergency services now.
          </p>
        ) : (
          <p className="mt-4 text-red-950">
            Contact your doctor or an urgent care service today. If you cannot walk or cannot control your
            bladder or bowels, call emergency services.
          </p>
        )}
        <p className="mt-4 text-red-950">
          Do not exercise. Your exercise plan is paused until your clinician, {checkIn.patient.clinician.name}
          , records that a doctor has cleared you. {checkIn.patient.clinician.name} has been alerted.
        </p>
      </section>
      <p className="mt-6 text-sm text-slate-600">
        This guidance does not replace professional medical advice. Always follow your doctor&apos;s
        instructions.
      </p>
    </main>
  );
}
