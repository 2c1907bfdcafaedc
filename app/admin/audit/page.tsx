import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/form";
import { ScrollingTable } from "@/components/scrolling-table";
import { clinicAuditLog } from "@/lib/dal/admin";
import { requireAdmin, timeZoneOf } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/time";
import { parseAuditQuery } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit trail" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireAdmin();
  const query = await searchParams;
  const { filters, unreadable } = parseAuditQuery(query);
  const log = await clinicAuditLog(admin, filters);
  const raw = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : "");
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["actor", "action", "from", "to"]) if (raw(key)) params.set(key, raw(key));
    params.set("page", String(page));
    return `/admin/audit?${params}`;
  };
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Audit trail</h1>
      <p className="mt-1 text-slate-700">
        Every sign-in, refused request, patient record read and change in the clinic, newest first, in your
        local time; the From and To filters are whole days in UTC. Entries cannot be changed or deleted.
      </p>
      <form
        method="get"
        className="mt-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-5"
      >
        <div>
          <label htmlFor="actor" className="block font-medium">
            Person
          </label>
          <select id="actor" name="actor" defaultValue={filters.actor ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {log.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name} ({actor.role.toLowerCase()})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="block font-medium">
            Action
          </label>
          <select id="action" name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">Any action</option>
            {log.actions.map(({ action, words }) => (
              <option key={action} value={action}>
                {words}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block font-medium">
            From
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={unreadable.includes("from date") ? "" : raw("from")}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="to" className="block font-medium">
            To
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={unreadable.includes("to date") ? "" : raw("to")}
            className={inputClass}
          />
        </div>
        <div className="flex items-end gap-2">
          <button
            type="submit"
            className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            Filter
          </button>
          <Link href="/admin/audit" className="px-2 py-2.5 font-medium text-slate-700 underline">
            Clear
          </Link>
        </div>
      </form>
      {unreadable.length ? (
        <p
          role="status"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900"
        >
          Ignored a filter that could not be read: {unreadable.join(", ")}.
        </p>
      ) : null}
      <p className="mt-4 text-slate-700" aria-live="polite">
        {log.total === 0
          ? "No entries match these filters."
          : `${log.total.toLocaleString("en-GB")} ${log.total === 1 ? "entry" : "entries"}, page ${filters.page} of ${log.pageCount}.`}
      </p>
      {log.events.length ? (
        <ScrollingTable
          label="Audit entries"
          caption="Audit entries, newest first"
          columns={["When", "Who", "What happened", "Record", "Patient"]}
        >
          {log.events.map((event) => (
            <tr key={event.id} className="border-t border-slate-200 align-top">
              <td className="whitespace-nowrap px-3 py-2">
                <time dateTime={event.createdAt.toISOString()}>
                  {formatDateTime(event.createdAt, timeZoneOf(admin), { withZone: true })}
                </time>
              </td>
              <td className="px-3 py-2">
                {event.actor ? `${event.actor.name} (${event.actor.role.toLowerCase()})` : "Nobody signed in"}
              </td>
              <td className="px-3 py-2">{event.what}</td>
              <td className="px-3 py-2">{event.record}</td>
              <td className="px-3 py-2">{event.patient ?? ""}</td>
            </tr>
          ))}
        </ScrollingTable>
      ) : null}
      {log.pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex gap-4">
          {filters.page > 1 ? (
            <Link href={pageHref(filters.page - 1)} className="font-medium text-brand-700 underline">
              Newer entries
            </Link>
          ) : null}
          {filters.page < log.pageCount ? (
            <Link href={pageHref(filters.page + 1)} className="font-medium text-brand-700 underline">
              Older entries
            </Link>
          ) : null}
        </nav>
      ) : null}
    </main>
  );
}
