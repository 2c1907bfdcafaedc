import "server-only";
import { db } from "@/lib/db";
import { URGENT_ACKNOWLEDGE_WITHIN_MS } from "@/lib/domain/alerts";
import { INACTIVE_DAYS, adherenceThisWeek, engagement } from "@/lib/domain/progress";
import { calendarDay, localDay, startOfLocalDay } from "@/lib/time";
import type { ClinicianUser } from "./session";

export const TRIAGE_PAGE_SIZE = 25;
const DAY_MS = 24 * 60 * 60 * 1000;

export type TriageFilter = {
  query?: string;
  status?: "ACTIVE" | "PAUSED_RED_FLAG" | "DISCHARGED";
  page: number;
};

type Row = {
  id: string;
  name: string;
  status: "ACTIVE" | "PAUSED_RED_FLAG" | "DISCHARGED";
  urgent: number;
  warning: number;
  overdue: boolean;
  plan_status: "ACTIVE" | "PAUSED" | null;
  plan_active_since: Date | null;
  plan_start_date: Date | null;
  sessions_per_week: number | null;
  patient_created_at: Date;
  /** The patient's own zone, else the clinic's: their days are counted in it. */
  time_zone: string;
  last_session_at: Date | null;
  total: bigint;
};

/**
 * One page of the clinic's patients ordered by need: overdue URGENT alerts, other URGENT alerts, WARNING
 * alerts, patients inactive on an active plan, then everyone else by name. Two queries whatever the page
 * size: the ranked page, then the page's last two weeks of sessions for the trend and adherence. The
 * inactivity rank mirrors `engagement` in lib/domain/progress.ts, which labels the rows: it counts from the
 * latest of the last session, the plan's activation, the plan's first local day and the patient's creation.
 */
export async function triagePatients(user: ClinicianUser, filter: TriageFilter, now = new Date()) {
  const query = filter.query?.trim() || null;
  const status = filter.status ?? null;
  const overdueBefore = new Date(now.getTime() - URGENT_ACKNOWLEDGE_WITHIN_MS);
  const inactiveBefore = new Date(now.getTime() - INACTIVE_DAYS * DAY_MS);
  const offset = (Math.max(filter.page, 1) - 1) * TRIAGE_PAGE_SIZE;

  const rows = await db.$queryRaw<Row[]>`
    select p.id, u.name, p.status::text as status,
           coalesce(a.urgent, 0)::int as urgent, coalesce(a.warning, 0)::int as warning, coalesce(a.overdue, false) as overdue,
           pl.status::text as plan_status, pl.activated_at as plan_active_since, pl.start_date as plan_start_date,
           pl.sessions_per_week, p.created_at as patient_created_at, coalesce(u.time_zone, c.time_zone) as time_zone,
           last.performed_at as last_session_at,
           count(*) over () as total
      from patient p
      join app_user u on u.id = p.user_id
      join clinic c on c.id = p.clinic_id
      left join lateral (
        select count(*) filter (where severity = 'URGENT') as urgent,
               count(*) filter (where severity = 'WARNING') as warning,
               bool_or(severity = 'URGENT' and status = 'OPEN' and created_at <= ${overdueBefore}) as overdue
          from alert where patient_id = p.id and status <> 'RESOLVED'
      ) a on true
      left join lateral (
        select plan.status, plan.activated_at, plan.start_date, (select max(times_per_week) from plan_item where plan_id = plan.id) as sessions_per_week
          from plan where patient_id = p.id and status in ('ACTIVE', 'PAUSED')
          order by created_at desc limit 1
      ) pl on true
      left join lateral (
        select performed_at from session_log where patient_id = p.id order by performed_at desc limit 1
      ) last on true
     where p.clinic_id = ${user.clinicId}::uuid
       and (${query}::text is null or u.name ilike '%' || replace(replace(${query}::text, '%', '\\%'), '_', '\\_') || '%')
       and (${status}::text is null or p.status::text = ${status}::text)
     order by coalesce(a.overdue, false) desc,
              coalesce(a.urgent, 0) > 0 desc,
              coalesce(a.warning, 0) > 0 desc,
              (pl.status = 'ACTIVE' and greatest(last.performed_at, pl.activated_at, p.created_at,
                 pl.start_date::timestamp at time zone coalesce(u.time_zone, c.time_zone)) <= ${inactiveBefore}) is true desc,
              u.name, p.id
     limit ${TRIAGE_PAGE_SIZE} offset ${offset}`;

  const since = new Date(now.getTime() - 14 * DAY_MS);
  const logs = rows.length
    ? await db.sessionLog.findMany({
        where: { patientId: { in: rows.map((row) => row.id) }, performedAt: { gte: since } },
        orderBy: { performedAt: "asc" },
        select: { patientId: true, performedAt: true, painBefore: true, painAfter: true },
      })
    : [];
  const logsByPatient = new Map<string, typeof logs>();
  for (const log of logs)
    logsByPatient.set(log.patientId, [...(logsByPatient.get(log.patientId) ?? []), log]);

  const patients = rows.map((row) => {
    const recent = logsByPatient.get(row.id) ?? [];
    const target = row.sessions_per_week ?? 0;
    const startDay = row.plan_start_date && calendarDay(row.plan_start_date);
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      openAlerts: { urgent: row.urgent, warning: row.warning, overdue: row.overdue },
      planStatus: row.plan_status,
      lastSessionAt: row.last_session_at,
      engagement:
        row.plan_status === "ACTIVE"
          ? engagement({
              planActiveSince: row.plan_active_since,
              lastSessionAt: row.last_session_at,
              planStartsAt: startDay ? startOfLocalDay(startDay, row.time_zone) : null,
              patientCreatedAt: row.patient_created_at,
              now,
            })
          : null,
      adherence:
        row.plan_status && startDay
          ? adherenceThisWeek({
              sessionDays: recent.map((log) => localDay(log.performedAt, row.time_zone)),
              startDay,
              today: localDay(now, row.time_zone),
              perWeek: target,
            })
          : null,
      painTrend: recent.map((log) => ({ at: log.performedAt, before: log.painBefore, after: log.painAfter })),
    };
  });
  const total = Number(rows[0]?.total ?? 0);
  return {
    patients,
    total,
    page: Math.max(filter.page, 1),
    pages: Math.max(Math.ceil(total / TRIAGE_PAGE_SIZE), 1),
  };
}

export type TriageRow = Awaited<ReturnType<typeof triagePatients>>["patients"][number];
