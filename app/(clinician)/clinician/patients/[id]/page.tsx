import type { Metadata } from "next";
import Link from "next/link";
import { ClearanceForm } from "@/components/alert-actions";
import { AlertList } from "@/components/alert-list";
import { LiveAlerts } from "@/components/live-alerts";
import { PatientStatusBadge } from "@/components/patient-status-badge";
import { listOpenAlerts } from "@/lib/dal/alerts";
import { PlanItems } from "@/components/plan-items";
import { getClinicPatient } from "@/lib/dal/patients";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Patient" };

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireClinician();
  const patient = await getClinicPatient(user, (await params).id);
  const saved = Number((await searchParams).saved);
  const alerts = await listOpenAlerts(user, { patientId: patient.id });
  const builder = `/clinician/patients/${patient.id}/plan`;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <Link href="/clinician" className="text-sm text-brand-700 underline">
        ← All patients
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{patient.name}</h1>
        <PatientStatusBadge status={patient.status} />
      </div>
      <p className="mt-1 text-slate-600">
        {patient.email} · clinician {patient.clinicianName}
      </p>
      {Number.isInteger(saved) && saved > 0 ? (
        <p
          role="status"
          className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          Plan saved as version {saved}.
        </p>
      ) : null}

      <LiveAlerts />
      <section aria-labelledby="patient-alerts-heading" className="mt-8">
        <h2 id="patient-alerts-heading" className="text-xl font-semibold">
          Open alerts ({alerts.length})
        </h2>
        <AlertList alerts={alerts} showPatient={false} />
        {patient.status === "PAUSED_RED_FLAG" ? (
          <div className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4">
            <h3 className="font-semibold text-red-900">Exercise is paused after a red flag</h3>
            <p className="mt-1 text-red-900">
              Record a doctor&apos;s clearance to resume {patient.name}&apos;s plan and let them log sessions
              again.
            </p>
            <ClearanceForm patientId={patient.id} patientName={patient.name} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="plan-heading" className="mt-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="plan-heading" className="text-xl font-semibold">
            Plan
          </h2>
          <Link
            href={builder}
            className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            {patient.plan ? "Revise plan" : patient.draft ? "Continue draft" : "Build a plan"}
          </Link>
        </div>
        {patient.plan ? (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {patient.plan.status === "ACTIVE" ? "Active" : "Paused"} · version {patient.plan.version} ·
              started {dateFormat.format(patient.plan.startDate)}
            </p>
            <div className="mt-4">
              <PlanItems items={patient.plan.items} />
            </div>
          </>
        ) : (
          <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
            {patient.draft
              ? `${patient.name} has a draft plan (version ${patient.draft.version}) that is not active yet.`
              : `${patient.name} has no plan yet.`}
          </p>
        )}
      </section>

      {patient.versions.length > 0 ? (
        <section aria-labelledby="history-heading" className="mt-10">
          <h2 id="history-heading" className="text-xl font-semibold">
            Plan history
          </h2>
          <ol className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {patient.versions.map((version) => (
              <li key={version.version} className="px-4 py-3">
                <p className="font-medium">
                  Version {version.version}{" "}
                  <span className="text-sm font-normal text-slate-600">
                    · {version.status.toLowerCase()} · {timeFormat.format(version.createdAt)} UTC ·{" "}
                    {version.createdBy.name}
                  </span>
                </p>
                <p className="mt-1 text-slate-700">{version.summary}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </main>
  );
}
