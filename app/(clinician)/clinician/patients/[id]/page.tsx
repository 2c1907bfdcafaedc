import type { Metadata } from "next";
import Link from "next/link";
import { CloseRedFlagsForm } from "@/components/close-red-flags-form";
import { AlertList } from "@/components/alert-list";
import { LiveAlerts } from "@/components/live-alerts";
import { latestAlertEventId } from "@/lib/dal/alert-events";
import { PainChart } from "@/components/pain-chart";
import {
  DischargePatient,
  ReadmitPatient,
  ReassignPatient,
  ReissueInvitation,
} from "@/components/patient-admin";
import { PastPlans } from "@/components/past-plans";
import { PatientContact } from "@/components/patient-contact";
import { listPastPlans } from "@/lib/dal/episodes";
import { getPatientDetails } from "@/lib/dal/patient-details";
import { telHref } from "@/lib/domain/patient-contact";
import { PatientStatusBadge } from "@/components/patient-status-badge";
import { listClinicClinicians } from "@/lib/dal/patient-admin";
import { getPatientRecord } from "@/lib/dal/patient-record";
import { emailConfigured } from "@/lib/email";
import { describePainTrend } from "@/lib/domain/progress";
import {
  RED_FLAG_OUTCOMES,
  awaitsClearance,
  redFlagLabel,
  type RedFlagOutcome,
} from "@/lib/domain/red-flags";
import { listOpenAlerts } from "@/lib/dal/alerts";
import { PlanItems } from "@/components/plan-items";
import { getClinicPatient } from "@/lib/dal/patients";
import { requireClinician, timeZoneOf } from "@/lib/dal/session";
import { calendarDay, formatCalendarDay, formatDateTime } from "@/lib/time";
import { versionStandings } from "@/lib/domain/plan-versions";
import { AdherenceChart } from "@/components/adherence-chart";

export const metadata: Metadata = { title: "Patient" };

const painText = (score: number | null) => (score === null ? "pain not given" : `pain ${score}/10`);
const outcomeLabel = (code: RedFlagOutcome) =>
  RED_FLAG_OUTCOMES.find((outcome) => outcome.code === code)!.label;

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; details?: string }>;
}) {
  const user = await requireClinician();
  const patient = await getClinicPatient(user, (await params).id);
  // Read before the page's alerts: whatever is delivered after this reaches the page over its stream.
  const since = await latestAlertEventId(user);
  const saved = Number((await searchParams).saved);
  const [alerts, record, clinicians] = await Promise.all([
    listOpenAlerts(user, { patientId: patient.id }),
    getPatientRecord(user, patient.id),
    listClinicClinicians(user),
  ]);
  const [details, pastPlans] = await Promise.all([
    getPatientDetails(user, patient.id),
    listPastPlans(user, patient.id),
  ]);
  const detailsSaved = (await searchParams).details === "saved";
  const builder = `/clinician/patients/${patient.id}/plan`;
  const zone = timeZoneOf(user);
  const when = (at: Date) => formatDateTime(at, zone, { withZone: true });
  const waiting = record.redFlags.filter((report) => awaitsClearance(report.clearances)).reverse();
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
      {detailsSaved ? (
        <p
          role="status"
          className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          Details saved.
        </p>
      ) : null}
      <PatientContact
        details={details}
        paused={patient.status === "PAUSED_RED_FLAG"}
        zone={timeZoneOf(user)}
      />
      {Number.isInteger(saved) && saved > 0 ? (
        <p
          role="status"
          className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          Plan saved as version {saved}.
        </p>
      ) : null}

      <LiveAlerts since={since.toString()} />
      <section aria-labelledby="patient-alerts-heading" className="mt-8">
        <h2 id="patient-alerts-heading" className="text-xl font-semibold">
          Open alerts ({alerts.length})
        </h2>
        <AlertList alerts={alerts} zone={zone} showPatient={false} />
        {waiting.length > 0 ? (
          <div className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4">
            <h3 className="font-semibold text-red-900">Exercise is paused after a red flag</h3>
            {details.phone ? (
              <p className="mt-1 text-red-900">
                Call {patient.name}:{" "}
                <a href={telHref(details.phone)} className="font-semibold underline">
                  {details.phone}
                </a>
              </p>
            ) : null}
            <p className="mt-1 text-red-900">
              Close each red flag with what happened. Only a doctor&apos;s clearance resumes {patient.name}
              &apos;s plan and lets them log sessions again.
            </p>
            <CloseRedFlagsForm
              patientId={patient.id}
              patientName={patient.name}
              reports={waiting.map((report) => ({
                id: report.id,
                summary: `${when(report.createdAt)}: ${report.flags.map(redFlagLabel).join(", ")} (${painText(report.painScore)})`,
                referred: report.clearances.some((closure) => closure.outcome === "REFERRED"),
              }))}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="plan-heading" className="mt-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="plan-heading" className="text-xl font-semibold">
            Plan
          </h2>
          <div className="flex flex-wrap gap-2">
            {patient.plan ? (
              <Link
                href={`${builder}/print`}
                className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-50"
              >
                Printable plan
              </Link>
            ) : null}
            {patient.status !== "DISCHARGED" ? (
              <Link
                href={builder}
                className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
              >
                {patient.plan ? "Revise plan" : patient.draft ? "Continue draft" : "Build a plan"}
              </Link>
            ) : null}
          </div>
        </div>
        {patient.plan ? (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {patient.plan.status === "ACTIVE" ? "Active" : "Paused"} · version {patient.plan.version} ·
              started {formatCalendarDay(calendarDay(patient.plan.startDate))}
            </p>
            <div className="mt-4">
              <PlanItems items={patient.plan.items} />
            </div>
          </>
        ) : (
          <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
            {patient.status === "DISCHARGED"
              ? `${patient.name} is discharged. Their plans, sessions and red flags stay below as history; re-admit them to start a new plan.`
              : patient.draft
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
            {versionStandings(patient.versions, patient.plan?.status ?? "DRAFT").map((version) => (
              <li key={version.version} className="px-4 py-3">
                <p className="font-medium">
                  Version {version.version}{" "}
                  <span className="text-sm font-normal text-slate-600">
                    · {version.standing}
                    {version.patientVersion !== null && version.patientVersion !== version.version
                      ? ` (the patient's version ${version.patientVersion})`
                      : ""}{" "}
                    · {when(version.createdAt)} · {version.createdBy.name}
                  </span>
                </p>
                <p className="mt-1 wrap-anywhere text-slate-700">{version.summary}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <PastPlans plans={pastPlans} zone={timeZoneOf(user)} />
      <section aria-labelledby="progress-heading" className="mt-10">
        <h2 id="progress-heading" className="text-xl font-semibold">
          Pain and adherence
        </h2>
        <p className="mt-1 text-slate-700">
          {describePainTrend(record.trend).replace("Your pain", "Pain").replace("you started", "the start")}
        </p>
        <PainChart points={record.painSeries} title={`${patient.name}'s pain before and after sessions`} />
        {record.adherence ? (
          <AdherenceChart adherence={record.adherence} title="Adherence since the plan started" />
        ) : null}
      </section>

      <section aria-labelledby="sessions-heading" className="mt-10">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Session history
        </h2>
        {record.logs.length === 0 ? (
          <p className="mt-3 text-slate-600">No sessions logged yet.</p>
        ) : (
          <ol className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {record.logs.map((log) => (
              <li key={log.id} className="px-4 py-3">
                <p className="font-medium">
                  {when(log.performedAt)} · pain {log.painBefore} → {log.painAfter}
                  {log.worseOrSpread ? <span className="ml-2 text-red-800">worse or spread</span> : null}
                  {log.discomfort === "SORENESS" ? (
                    <span className="ml-2 text-slate-600">soreness</span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-600">
                  Plan version {log.planVersion.version} ·{" "}
                  {log.items.map((item) => item.exercise.name).join(", ") || "no exercise ticked"}
                </p>
                {log.notes ? (
                  <p className="mt-1 whitespace-pre-wrap wrap-anywhere text-slate-800">{log.notes}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="red-flags-heading" className="mt-10">
        <h2 id="red-flags-heading" className="text-xl font-semibold">
          Red flags and clearances
        </h2>
        {record.redFlags.length === 0 ? (
          <p className="mt-3 text-slate-600">No red flags reported.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {record.redFlags.map((report) => (
              <li key={report.id} className="rounded-xl border border-slate-200 bg-white px-4 py-3">
                <p className="font-medium">
                  {when(report.createdAt)}: {report.flags.map(redFlagLabel).join(", ")} (
                  {painText(report.painScore)})
                </p>
                {report.clearances.map((closure) => (
                  <p key={closure.id} className="text-sm wrap-anywhere text-slate-700">
                    {outcomeLabel(closure.outcome)} · recorded by {closure.clinician.name} on{" "}
                    {when(closure.clearedAt)}: {closure.note}
                  </p>
                ))}
                {awaitsClearance(report.clearances) ? (
                  <p className="text-sm font-medium text-red-800">Awaiting a doctor&apos;s clearance.</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="manage-heading"
        className="mt-10 space-y-4 rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="manage-heading" className="text-xl font-semibold">
          Care
        </h2>
        {patient.status !== "DISCHARGED" ? (
          <ReissueInvitation
            patientId={patient.id}
            pending={record.invitationPending}
            byEmail={emailConfigured()}
          />
        ) : null}
        <ReassignPatient patientId={patient.id} currentId={patient.clinicianId} clinicians={clinicians} />
        {patient.status !== "DISCHARGED" ? (
          <DischargePatient patientId={patient.id} patientName={patient.name} />
        ) : (
          <ReadmitPatient patientId={patient.id} patientName={patient.name} />
        )}
      </section>

      <section aria-labelledby="audit-heading" className="mt-10">
        <h2 id="audit-heading" className="text-xl font-semibold">
          Audit trail
        </h2>
        <ol className="mt-3 space-y-1 text-sm">
          {record.auditEvents.map((event) => (
            <li key={event.id}>
              <span className="text-slate-600">{when(event.createdAt)}</span> ·{" "}
              {event.actor?.name ?? "System"} · {event.action}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
