import { randomUUID } from "node:crypto";
import { RED_FLAG_CODES } from "../../lib/domain/red-flags";
import { withClient } from "./database";
import { actionId, actionRequest, callAction } from "./server-actions";

// P6's writers: what a patient's browser sends, through the app's server actions over HTTP. Every form a
// writer fills in is here, so that a change to a form (a new field, a new rule such as "a session log needs
// a clear check-in first") is adapted in this one file.

export type WritingPatient = {
  email: string;
  cookie: string;
  patientId: string;
  /** The active plan the patient logs sessions against. */
  planVersion: number;
  exerciseIds: string[];
};

/** What one write did: `stored` is false when the form was answered (refused) instead of redirected. */
export type Written = { stored: boolean; redirect: string | null };

/** The patients' ids and active plans, read with the schema owner's connection. */
export async function writingPatients(
  ownerUrl: string,
  accounts: { email: string; cookie: string }[],
): Promise<WritingPatient[]> {
  const rows = await withClient(ownerUrl, async (client) => {
    const result = await client.query<{
      email: string;
      patient_id: string;
      version: number;
      exercise_ids: string[];
    }>(
      `select u.email, p.id as patient_id, pl.version,
              array_agg(pi.exercise_id::text order by pi.position) as exercise_ids
         from app_user u join patient p on p.user_id = u.id
         join plan pl on pl.patient_id = p.id and pl.status = 'ACTIVE'
         join plan_item pi on pi.plan_id = pl.id
        where u.email = any($1)
        group by u.email, p.id, pl.version`,
      [accounts.map((account) => account.email)],
    );
    return new Map(result.rows.map((row) => [row.email, row]));
  });
  return accounts.map((account) => {
    const row = rows.get(account.email);
    if (!row) throw new Error(`${account.email} has no active plan.`);
    return {
      ...account,
      patientId: row.patient_id,
      planVersion: row.version,
      exerciseIds: row.exercise_ids,
    };
  });
}

/** The writers' forms, bound to one app and build. */
export function writers(baseUrl: string, ownerUrl: string) {
  const checkIn = actionId("lib/actions/check-in.ts", "checkInAction");
  const logSession = actionId("lib/actions/session-log.ts", "logSessionAction");

  const send = async (
    page: string,
    id: string,
    patient: WritingPatient,
    fields: [string, string][],
    storedAt: string,
  ): Promise<Written> => {
    const redirect = await callAction(
      `${baseUrl}${page}`,
      actionRequest({ id, baseUrl, cookie: patient.cookie, fields }),
    );
    return { stored: redirect?.startsWith(storedAt) ?? false, redirect };
  };

  return {
    /** A check-in with a red flag: an URGENT alert, and the patient and plan paused. */
    redFlag: (patient: WritingPatient) =>
      send(
        "/patient/check-in",
        checkIn,
        patient,
        [
          ["idempotencyKey", randomUUID()],
          ["redFlags", RED_FLAG_CODES[0]],
          ["painScore", "6"],
        ],
        "/patient/check-in/",
      ),

    /** A check-in with nothing to report: no alert; the log form comes next. */
    clearCheckIn: (patient: WritingPatient) =>
      send(
        "/patient/check-in",
        checkIn,
        patient,
        [
          ["idempotencyKey", randomUUID()],
          ["painScore", "3"],
        ],
        "/patient/log",
      ),

    /** A clear check-in, then a session whose pain got worse and spread: a WARNING alert. */
    worseSession: async (patient: WritingPatient): Promise<Written> => {
      const checkedIn = await send(
        "/patient/check-in",
        checkIn,
        patient,
        [
          ["idempotencyKey", randomUUID()],
          ["painScore", "3"],
        ],
        "/patient/log",
      );
      if (!checkedIn.stored) return checkedIn;
      return send(
        "/patient/log",
        logSession,
        patient,
        [
          ["idempotencyKey", randomUUID()],
          ["planVersion", String(patient.planVersion)],
          ...patient.exerciseIds.map((exerciseId): [string, string] => ["exerciseIds", exerciseId]),
          ["painBefore", "3"],
          ["painAfter", "5"],
          ["discomfort", "PAIN"],
          ["worseOrSpread", "on"],
          ["notes", ""],
        ],
        "/patient/log/",
      );
    },

    /** Stands in for the doctor's clearance after a red flag, in SQL, so the patient can write again. */
    unpause: (patient: WritingPatient) =>
      withClient(ownerUrl, async (client) => {
        await client.query("begin");
        await client.query("update patient set status = 'ACTIVE' where id = $1", [patient.patientId]);
        await client.query(
          "update plan set status = 'ACTIVE', paused_at = null where patient_id = $1 and status = 'PAUSED'",
          [patient.patientId],
        );
        await client.query("commit");
      }),
  };
}
