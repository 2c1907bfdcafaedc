import type { Metadata } from "next";
import Link from "next/link";
import { AlertList } from "@/components/alert-list";
import { inputClass } from "@/components/form";
import { LiveAlerts } from "@/components/live-alerts";
import { latestAlertEventId } from "@/lib/dal/alert-events";
import { TriageList } from "@/components/triage-list";
import { listOpenAlerts } from "@/lib/dal/alerts";
import { requireClinician, timeZoneOf } from "@/lib/dal/session";
import { triagePatients } from "@/lib/dal/triage";
import { triageFilterSchema } from "@/lib/validation/triage";

export const metadata: Metadata = { title: "Patients" };

const STATUS_LABELS = {
  ACTIVE: "Active",
  PAUSED_RED_FLAG: "Paused: red flag",
  DISCHARGED: "Discharged",
} as const;

export default async function ClinicianHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireClinician();
  const filter = triageFilterSchema.parse(await searchParams);
  // Read before the page's alerts: whatever is delivered after this reaches the page over its stream.
  const since = await latestAlertEventId(user);
  const [triage, alerts] = await Promise.all([
    triagePatients(user, { query: filter.q, status: filter.status, page: filter.page }),
    listOpenAlerts(user),
  ]);
  const urgent = alerts.filter((alert) => alert.severity === "URGENT").length;
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (filter.q) params.set("q", filter.q);
    if (filter.status) params.set("status", filter.status);
    params.set("page", String(page));
    return `/clinician?${params}`;
  };
  const filtered = Boolean(filter.q || filter.status);

  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <LiveAlerts since={since.toString()} />
      <section aria-labelledby="alerts-heading">
        <h1 id="alerts-heading" className="text-2xl font-semibold">
          Alerts{" "}
          <span className="text-base font-normal text-slate-600">
            ({alerts.length} open{urgent ? `, ${urgent} urgent` : ""})
          </span>
        </h1>
        <AlertList alerts={alerts} zone={timeZoneOf(user)} />
      </section>

      <section aria-labelledby="patients-heading" className="mt-10">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="patients-heading" className="text-xl font-semibold">
            Patients
          </h2>
          <Link
            href="/clinician/patients/new"
            prefetch={false}
            className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            Add a patient
          </Link>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Most urgent first: overdue and urgent alerts, warnings, then patients who have stopped logging.
        </p>
        <form role="search" action="/clinician" className="mt-4 flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor="q" className="block text-sm font-medium">
              Search by name
            </label>
            <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="status" className="block text-sm font-medium">
              Status
            </label>
            <select id="status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
              <option value="">All statuses</option>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold hover:bg-slate-50"
          >
            Show
          </button>
        </form>
        {triage.patients.length === 0 ? (
          <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
            {filtered
              ? "No patient matches that search."
              : "Your clinic has no patients yet. Add one to send them an invitation."}
          </p>
        ) : (
          <TriageList patients={triage.patients} zone={timeZoneOf(user)} />
        )}
        {triage.pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
            {triage.page > 1 ? (
              <Link
                href={pageLink(triage.page - 1)}
                prefetch={false}
                className="font-medium text-brand-700 underline"
              >
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-600">
              Page {triage.page} of {triage.pages} · {triage.total} patients
            </span>
            {triage.page < triage.pages ? (
              <Link
                href={pageLink(triage.page + 1)}
                prefetch={false}
                className="font-medium text-brand-700 underline"
              >
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </main>
  );
}
