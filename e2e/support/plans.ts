import type pg from "pg";
import { snapshotItems } from "../../lib/domain/plan-snapshot";

// An active plan of catalogue exercises (by slug; the database's guardrail trigger refuses avoid-list ones)
// and the session logs of a patient following it, as prisma/demo-data.ts makes them for Alex Morgan.

const DAY = 24 * 60 * 60 * 1000;

export type Dose = {
  slug: string;
  sets?: number;
  repetitions?: number;
  minutes?: number;
  timesPerWeek: number;
  note?: string;
};

export const DEFAULT_DOSES: Dose[] = [
  {
    slug: "walking",
    minutes: 20,
    timesPerWeek: 5,
    note: "Flat route; build up to 30 minutes over the month.",
  },
  { slug: "light-stretching", sets: 2, repetitions: 5, timesPerWeek: 7 },
  { slug: "light-strength-training", sets: 2, repetitions: 10, timesPerWeek: 3 },
];

/** Days ago of each logged session; pain before eases from 6 to 3, pain after is one point lower. */
const SESSION_DAYS = [14, 13, 11, 10, 9, 7, 6, 4, 3, 2, 1];
export const FIRST_SESSION_NOTE = "Stiff to start with, easier after the walk.";

export async function addPlan(
  client: pg.PoolClient,
  options: { patientId: string; createdById: string; doses: Dose[]; logs: boolean },
) {
  const { doses } = options;
  const now = Date.now();
  const { rows: exercises } = await client.query<{ id: string; slug: string; name: string }>(
    "select id, slug, name from exercise where clinic_id is null and slug = any($1::text[])",
    [doses.map((dose) => dose.slug)],
  );
  const bySlug = new Map(exercises.map((exercise) => [exercise.slug, exercise]));
  const items = doses.map((dose, index) => {
    const exercise = bySlug.get(dose.slug);
    if (!exercise) throw new Error(`No catalogue exercise with the slug ${dose.slug}.`);
    return {
      exerciseId: exercise.id,
      exercise: { name: exercise.name },
      position: index + 1,
      sets: dose.sets ?? null,
      repetitions: dose.repetitions ?? null,
      minutes: dose.minutes ?? null,
      timesPerWeek: dose.timesPerWeek,
      intensity: "LIGHT" as const,
      note: dose.note ?? null,
    };
  });
  const startDate = new Date(now - 16 * DAY);
  const plan = await one<{ id: string }>(
    client,
    `insert into plan (patient_id, status, version, start_date, created_by_id, activated_at, patient_seen_version, updated_at)
     values ($1, 'ACTIVE', 1, $2::date, $3, $4, 1, now()) returning id`,
    [options.patientId, startDate.toISOString().slice(0, 10), options.createdById, startDate],
  );
  for (const item of items) {
    await client.query(
      `insert into plan_item (plan_id, exercise_id, position, sets, repetitions, minutes, times_per_week, intensity, note)
       values ($1, $2, $3, $4, $5, $6, $7, 'LIGHT', $8)`,
      [
        plan.id,
        item.exerciseId,
        item.position,
        item.sets,
        item.repetitions,
        item.minutes,
        item.timesPerWeek,
        item.note,
      ],
    );
  }
  const version = await one<{ id: string }>(
    client,
    `insert into plan_version (plan_id, version, status, items, summary, created_by_id)
     values ($1, 1, 'ACTIVE', $2::jsonb, 'First plan', $3) returning id`,
    [plan.id, JSON.stringify(snapshotItems(items)), options.createdById],
  );
  const exerciseIds = items.map((item) => item.exerciseId);
  if (options.logs) {
    // Every session follows its own clear check-in, made in the 2 hours before it (the database checks).
    for (const [index, daysAgo] of SESSION_DAYS.entries()) {
      const painBefore = Math.round(6 - (3 * index) / (SESSION_DAYS.length - 1));
      const performedAt = new Date(now - daysAgo * DAY);
      const checkIn = await one<{ id: string }>(
        client,
        `insert into check_in (patient_id, idempotency_key, request_hash, pain_score, red_flags, created_at)
         values ($1, $2, $2, $3, '{}', $4) returning id`,
        [
          options.patientId,
          `e2e-check-in-${daysAgo}`,
          painBefore,
          new Date(performedAt.getTime() - 5 * 60_000),
        ],
      );
      const log = await one<{ id: string }>(
        client,
        `insert into session_log (patient_id, plan_id, plan_version_id, idempotency_key, request_hash,
                                  performed_at, created_at, pain_before, pain_after, discomfort, notes, check_in_id)
         values ($1, $2, $3, $4, $4, $5, $5, $6, $7, $8, $9, $10) returning id`,
        [
          options.patientId,
          plan.id,
          version.id,
          `e2e-${daysAgo}`,
          performedAt,
          painBefore,
          Math.max(0, painBefore - 1),
          index < 3 ? "SORENESS" : "NONE",
          index === 0 ? FIRST_SESSION_NOTE : null,
          checkIn.id,
        ],
      );
      await client.query(
        "insert into session_log_item (session_log_id, exercise_id) select $1, unnest($2::uuid[])",
        [log.id, exerciseIds],
      );
    }
  }
  return { id: plan.id, versionId: version.id, exerciseIds };
}

async function one<Row extends pg.QueryResultRow>(client: pg.PoolClient, sql: string, values: unknown[]) {
  const { rows } = await client.query<Row>(sql, values);
  return rows[0]!;
}

/**
 * One session of `patientId` on their plan's first version at `performedAt` (pain 3 before, 2 after), after
 * its own clear check-in 5 minutes earlier; returns the log's id.
 */
export async function logSessionAt(
  db: pg.Pool,
  options: { patientId: string; planId: string; versionId: string; exerciseIds: string[]; performedAt: Date },
): Promise<string> {
  const client = await db.connect();
  try {
    await client.query("begin");
    const key = `e2e-at-${options.performedAt.getTime()}-${options.patientId}`;
    const checkIn = await one<{ id: string }>(
      client,
      `insert into check_in (patient_id, idempotency_key, request_hash, pain_score, red_flags, created_at)
       values ($1, $2, $2, 3, '{}', $3) returning id`,
      [options.patientId, key, new Date(options.performedAt.getTime() - 5 * 60_000)],
    );
    const log = await one<{ id: string }>(
      client,
      `insert into session_log (patient_id, plan_id, plan_version_id, idempotency_key, request_hash,
                                performed_at, created_at, pain_before, pain_after, discomfort, check_in_id)
       values ($1, $2, $3, $4, $4, $5, $5, 3, 2, 'NONE', $6) returning id`,
      [options.patientId, options.planId, options.versionId, key, options.performedAt, checkIn.id],
    );
    await client.query(
      "insert into session_log_item (session_log_id, exercise_id) select $1, unnest($2::uuid[])",
      [log.id, options.exerciseIds],
    );
    await client.query("commit");
    return log.id;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}
