import type { Metadata } from "next";
import Link from "next/link";
import { getOwnCheckIn } from "@/lib/dal/check-ins";
import { requirePatient } from "@/lib/dal/session";
import { ClearSessionDraft } from "@/components/clear-session-draft";
import { PausedAdvice } from "@/components/paused-advice";
import { SeekCareAdvice } from "@/components/seek-care-advice";

export const metadata: Metadata = { title: "Check-in result" };

export default async function CheckInResultPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePatient();
  const checkIn = await getOwnCheckIn(user, (await params).id);
  const { assessment } = checkIn;
  // An earlier clear check-in, opened while a red flag has paused the plan, is no go-ahead.
  if (assessment.outcome === "CLEAR" && checkIn.patient.status === "PAUSED_RED_FLAG") {
    return (
      <main className="mx-auto max-w-2xl px-4 py-8">
        <PausedAdvice user={user} />
      </main>
    );
  }
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
      <ClearSessionDraft />
      <SeekCareAdvice
        headingLevel={1}
        flags={assessment.flags}
        painScore={checkIn.painScore}
        callEmergencyServices={assessment.callEmergencyServices}
        emergencyNumber={checkIn.patient.clinic.emergencyNumber}
        clinicianName={checkIn.patient.clinician.name}
      />
      <p className="mt-6 text-sm text-slate-600">
        This guidance does not replace professional medical advice. Always follow your doctor&apos;s
        instructions.
      </p>
    </main>
  );
}
