import type { Metadata } from "next";
import Link from "next/link";
import { ClearSessionDraft } from "@/components/clear-session-draft";
import { PausedAdvice } from "@/components/paused-advice";
import { getOwnSessionLog } from "@/lib/dal/session-logs";
import { requirePatient, timeZoneOf } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/time";
import { SESSION_GUIDANCE } from "@/lib/domain/guidance";

export const metadata: Metadata = { title: "Session saved" };

export default async function SessionLogResultPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePatient();
  const log = await getOwnSessionLog(user, (await params).id);
  const { guidance } = log.assessment;
  const stop = guidance.includes("STOP_AND_REST");
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <ClearSessionDraft />
      <PausedAdvice user={user} />
      {stop ? (
        <section aria-labelledby="stop-heading" className="rounded-xl border-2 border-red-600 bg-red-50 p-5">
          <h1 id="stop-heading" className="text-2xl font-bold text-red-900">
            {SESSION_GUIDANCE.STOP_AND_REST.title}
          </h1>
          <p className="mt-2 text-red-950">{SESSION_GUIDANCE.STOP_AND_REST.text}</p>
        </section>
      ) : (
        <h1 className="text-2xl font-semibold">Session saved</h1>
      )}
      {guidance
        .filter((kind) => kind !== "STOP_AND_REST")
        .map((kind) => (
          <section key={kind} className="rounded-xl border border-amber-200 bg-amber-50 p-4">
            <h2 className="text-lg font-semibold text-amber-950">{SESSION_GUIDANCE[kind].title}</h2>
            <p className="mt-1 text-amber-950">{SESSION_GUIDANCE[kind].text}</p>
          </section>
        ))}
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <dt className="font-medium">When</dt>
        <dd>
          <time dateTime={log.performedAt.toISOString()}>
            {formatDateTime(log.performedAt, timeZoneOf(user), { withZone: true })}
          </time>
        </dd>
        <dt className="font-medium">Pain before</dt>
        <dd>{log.painBefore}/10</dd>
        <dt className="font-medium">Pain after</dt>
        <dd>{log.painAfter}/10</dd>
        <dt className="font-medium">Exercises</dt>
        <dd>{log.items.map((item) => item.exercise.name).join(", ") || "None ticked"}</dd>
        <dt className="font-medium">Plan version</dt>
        <dd>{log.planVersion.version}</dd>
        {log.notes ? (
          <>
            <dt className="font-medium">Notes</dt>
            <dd className="whitespace-pre-wrap wrap-anywhere">{log.notes}</dd>
          </>
        ) : null}
      </dl>
      <Link href="/patient" className="inline-block font-medium text-brand-700 underline">
        Back to today&apos;s plan
      </Link>
    </main>
  );
}
