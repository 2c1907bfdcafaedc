import { randomUUID } from "node:crypto";
import type autocannon from "autocannon";
import { withClient } from "./database";
import { actionId, actionRequest } from "./server-actions";

type LoggingPatient = { email: string; cookie: string };

/** More than P4's longest run sends to one patient within the 2 hours a check-in covers a session. */
const CHECK_INS_PER_PATIENT = 400;

/**
 * Session log submissions for P4 and P6's background load, taking the patients in turn, each with a new
 * idempotency key. Each patient ticks every exercise of their plan at its current version, with steady
 * pain, so that no warning alert is raised. `target` says where they go: the log form's server action over
 * HTTP, as a browser sends it, or bench/dal-server.ts (the same fields as JSON).
 */
export async function sessionLogLoad(opts: {
  baseUrl: string;
  ownerUrl: string;
  patients: LoggingPatient[];
  target: "action" | "data-access";
}) {
  const plans = await withClient(opts.ownerUrl, async (client) => {
    const { rows } = await client.query<{
      email: string;
      patient_id: string;
      version: number;
      exercise_ids: string[];
    }>(
      `select u.email, p.id as patient_id, pl.version, array_agg(pi.exercise_id::text order by pi.position) as exercise_ids
         from app_user u join patient p on p.user_id = u.id
         join plan pl on pl.patient_id = p.id and pl.status = 'ACTIVE'
         join plan_item pi on pi.plan_id = pl.id
        where u.email = any($1)
        group by u.email, p.id, pl.version`,
      [opts.patients.map((patient) => patient.email)],
    );
    return new Map(rows.map((row) => [row.email, row]));
  });
  // Every session follows a clear check-in of its own, made in the 2 hours before it: enough of them are
  // stored up front, in SQL, so that the load measures the session log alone.
  await withClient(opts.ownerUrl, (client) =>
    client.query(
      `insert into check_in (patient_id, idempotency_key, request_hash, pain_score, red_flags, created_at)
       select p.id, 'bench-load-' || gen_random_uuid(), 'bench', 3, '{}', now() - interval '1 minute'
         from patient p cross join generate_series(1, $2::int)
        where p.id = any($1::uuid[])`,
      [[...plans.values()].map((plan) => plan.patient_id), CHECK_INS_PER_PATIENT],
    ),
  );
  const senders = opts.patients.map((patient) => {
    const plan = plans.get(patient.email);
    if (!plan) throw new Error(`${patient.email} has no active plan to log against.`);
    return { ...patient, ...plan };
  });
  const id = opts.target === "action" ? actionId("lib/actions/session-log.ts", "logSessionAction") : "";

  let next = 0;
  /** The next submission: path, headers and body. */
  const request = () => {
    const patient = senders[next++ % senders.length]!;
    const fields: [string, string][] = [
      ["idempotencyKey", randomUUID()],
      ["planVersion", String(patient.version)],
      ...patient.exercise_ids.map((exerciseId): [string, string] => ["exerciseIds", exerciseId]),
      ["painBefore", "3"],
      ["painAfter", "3"],
      ["discomfort", "NONE"],
      ["notes", ""],
    ];
    if (opts.target === "action") {
      return {
        path: "/patient/log",
        ...actionRequest({ id, baseUrl: opts.baseUrl, cookie: patient.cookie, fields }),
      };
    }
    // What the action's own reader makes of the form (lib/actions/session-log.ts).
    const body = {
      ...Object.fromEntries(fields.filter(([name]) => name !== "exerciseIds")),
      exerciseIds: patient.exercise_ids,
      worseOrSpread: false,
    };
    return {
      path: "/",
      headers: { "content-type": "application/json", cookie: patient.cookie },
      body: Buffer.from(JSON.stringify(body)),
    };
  };
  const setupRequest = (base: autocannon.Request): autocannon.Request => {
    const { path, headers, body } = request();
    return { ...base, method: "POST", path, headers, body };
  };

  // A stored log answers with a redirect to its page (the action) or 200 (the data access server); a
  // refusal (rate limit, validation) answers the form, or with another status.
  const outcomes = { stored: 0, refused: 0 };
  const onResponse = (status: number, _body: string, _context: object, headers: Record<string, unknown>) => {
    const stored =
      opts.target === "action"
        ? String(headers["x-action-redirect"] ?? "").startsWith("/patient/log/")
        : status === 200;
    outcomes[stored ? "stored" : "refused"] += 1;
  };

  const patientIds = senders.map((patient) => patient.patient_id);
  const countStored = () =>
    withClient(opts.ownerUrl, async (client) => {
      const { rows } = await client.query<{ count: string }>(
        "select count(*) from session_log where patient_id = any($1::uuid[])",
        [patientIds],
      );
      return Number(rows[0]!.count);
    });
  return { request, setupRequest, onResponse, outcomes, countStored };
}
