import type { Metadata } from "next";
import { AdherenceChart } from "@/components/adherence-chart";
import { PainChart } from "@/components/pain-chart";
import { PausedAdvice } from "@/components/paused-advice";
import { Disclaimer } from "@/components/session-guidance";
import { getOwnProgress } from "@/lib/dal/progress";
import { requirePatient } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const user = await requirePatient();
  const progress = await getOwnProgress(user);
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <PausedAdvice user={user} />
      <div>
        <h1 className="text-2xl font-semibold">Your progress</h1>
        <p className="mt-2 text-lg text-slate-800">{progress.summary}</p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">This week</dt>
          <dd className="mt-1 text-2xl font-semibold">
            {progress.thisWeek ? `${progress.thisWeek.done} of ${progress.thisWeek.target}` : "No plan"}
          </dd>
          <dd className="text-sm text-slate-600">sessions</dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Streak</dt>
          <dd className="mt-1 text-2xl font-semibold">
            {progress.streak} day{progress.streak === 1 ? "" : "s"}
          </dd>
          <dd className="text-sm text-slate-600">in a row with a session</dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Sessions logged</dt>
          <dd className="mt-1 text-2xl font-semibold">{progress.sessions}</dd>
          <dd className="text-sm text-slate-600">since you started</dd>
        </div>
      </dl>
      {progress.adherence ? (
        <section aria-labelledby="adherence-heading">
          <h2 id="adherence-heading" className="text-xl font-semibold">
            Days with a session, week by week
          </h2>
          <AdherenceChart adherence={progress.adherence} title="Your sessions since your plan started" />
        </section>
      ) : null}
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading" className="text-xl font-semibold">
          Pain before and after your sessions
        </h2>
        <PainChart points={progress.painSeries} title="Your pain before and after sessions" />
      </section>
      <p className="text-sm text-slate-600">
        Rest days are part of the plan: a streak is nice, but never push through pain for it.
      </p>
      <Disclaimer />
    </main>
  );
}
