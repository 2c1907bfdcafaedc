import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { closeRedFlags } from "@/lib/dal/alerts";
import { getSeekCareAdvice, submitCheckIn } from "@/lib/dal/check-ins";
import { sqlState } from "@/lib/dal/database-errors";
import { LIMITS } from "@/lib/dal/rate-limit";
import type { ClinicianUser, PatientUser } from "@/lib/dal/session";
import { logSession } from "@/lib/dal/session-logs";
import type { FormState } from "@/lib/actions/form-state";
import { DomainError } from "@/lib/domain/errors";
import type { RedFlagCode } from "@/lib/domain/red-flags";
import { stopRealtimeHub } from "@/lib/realtime/hub";
import { concurrently, errors, values } from "../support/concurrently";
import { clearCheckIn, createClinic, nextInterrupt } from "../support/fixtures";
import { clinicWithActivePlan, sessionInput } from "../support/plans";

// The red-flag path end to end (shared/PRODUCT.md, "The red-flag path"; shared/STYLE.md, "Safety before form
// validation"): a flag is stored whatever else the form holds, never rate-limited, never dropped by a race,
// and closed only for the reports the clinician saw, with an honest outcome. Each test reads back the rows.

const session = vi.hoisted(() => ({ user: null as PatientUser | ClinicianUser | null }));
vi.mock("@/lib/dal/session", () => ({
  requirePatient: async () => {
    if (session.user?.role !== "PATIENT") throw new Error("not a patient");
    return session.user;
  },
  requireClinician: async () => {
    if (session.user?.role !== "CLINICIAN") throw new Error("not a clinician");
    return session.user;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { checkInAction } = await import("@/lib/actions/check-in");
const { logSessionAction } = await import("@/lib/actions/session-log");
const { closeRedFlagsAction } = await import("@/lib/actions/alerts");

afterEach(() => {
  vi.useRealTimers();
  session.user = null;
});
// A red flag through an action wakes the process's realtime hub; close its connections.
afterAll(() => stopRealtimeHub());

type Setup = Awaited<ReturnType<typeof clinicWithActivePlan>>;

function form(fields: Record<string, string | string[] | undefined>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

/** What the person sees: the form's state, or the page the action redirected to. */
async function answer(call: Promise<FormState>): Promise<FormState & { redirectTo?: string }> {
  try {
    return await call;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    // Next's redirect signal: "NEXT_REDIRECT;<push|replace>;<url>;<status>;"
    if (digest?.startsWith("NEXT_REDIRECT;")) return { redirectTo: digest.split(";")[2] };
    throw error;
  }
}

const checkIn = (
  user: PatientUser,
  fields: { redFlags?: string[]; painScore: string; idempotencyKey?: string },
) => {
  session.user = user;
  return answer(
    checkInAction({}, form({ ...fields, idempotencyKey: fields.idempotencyKey ?? randomUUID() })),
  );
};

/** The session form as the patient sends it; "worse or spread" is a checkbox, sent as "on" when ticked. */
const logSessionForm = (
  setup: Setup,
  fields: { painBefore: string; painAfter: string; discomfort?: string; worseOrSpread?: boolean },
) => {
  session.user = setup.patient.asPatient;
  const { worseOrSpread, ...rest } = fields;
  return answer(
    logSessionAction(
      {},
      form({
        idempotencyKey: randomUUID(),
        planVersion: String(setup.plan.version),
        exerciseIds: setup.exerciseIds,
        discomfort: "NONE",
        notes: "",
        ...rest,
        worseOrSpread: worseOrSpread ? "on" : undefined,
      }),
    ),
  );
};

const closeForm = (
  clinician: ClinicianUser,
  fields: { patientId: string; reportIds: string[]; outcome: string; confirmed?: "on"; note?: string },
) => {
  session.user = clinician;
  return answer(closeRedFlagsAction({}, form({ note: "Seen by Dr Okafor in clinic today", ...fields })));
};

/** Every row the red-flag path writes for a patient, and where the patient and their plans stand. */
async function rowsOf(patientId: string) {
  const [checkIns, reports, urgent, warnings, outboxRows, sessionLogs, clearances, patient, plans] =
    await Promise.all([
      db.checkIn.count({ where: { patientId } }),
      db.redFlagReport.count({ where: { patientId } }),
      db.alert.count({ where: { patientId, severity: "URGENT" } }),
      db.alert.count({ where: { patientId, severity: "WARNING" } }),
      db.outboxMessage.count({ where: { payload: { path: ["patientId"], equals: patientId } } }),
      db.sessionLog.count({ where: { patientId } }),
      db.clearance.count({ where: { patientId } }),
      db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { status: true } }),
      db.plan.findMany({ where: { patientId }, select: { status: true } }),
    ]);
  return {
    checkIns,
    reports,
    urgent,
    warnings,
    outboxRows,
    sessionLogs,
    clearances,
    patientStatus: patient.status,
    planStatuses: plans.map((plan) => plan.status),
  };
}

const NOTHING_STORED = {
  checkIns: 0,
  reports: 0,
  urgent: 0,
  warnings: 0,
  outboxRows: 0,
  sessionLogs: 0,
  clearances: 0,
  patientStatus: "ACTIVE",
  planStatuses: ["ACTIVE"],
} as const;

/** A red flag reported directly through the DAL, returning its report's id. */
async function reportRedFlag(user: PatientUser, redFlags: RedFlagCode[], painScore: number | null = 3) {
  const { checkInId } = await submitCheckIn(user, { idempotencyKey: randomUUID(), redFlags, painScore });
  return (await db.redFlagReport.findUniqueOrThrow({ where: { checkInId }, select: { id: true } })).id;
}

const alertOf = (redFlagReportId: string) => db.alert.findFirstOrThrow({ where: { redFlagReportId } });

async function anotherClinician(clinicId: string): Promise<ClinicianUser> {
  const user = await db.user.create({
    data: {
      clinicId,
      email: `clinician-${randomUUID().slice(0, 8)}@test.example`,
      name: "Second clinician",
      role: "CLINICIAN",
      passwordHash: "not-used-to-sign-in",
    },
  });
  return {
    id: user.id,
    role: "CLINICIAN",
    clinicId,
    name: user.name,
    email: user.email,
    patientId: null,
    sessionId: null,
    mfa: "not-required",
  };
}

/** The error a promise rejects with (it must reject). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("Expected the call to be refused, but it succeeded.");
    },
    (error: unknown) => error,
  );
}

/** A valid session log row for a direct insert, pointing at `checkInId`. */
async function sessionLogRow(setup: Setup, checkInId: string, patientId = setup.patient.id) {
  const version = await db.planVersion.findFirstOrThrow({
    where: { planId: setup.plan.planId, version: setup.plan.version },
    select: { id: true },
  });
  return {
    patientId,
    planId: setup.plan.planId,
    planVersionId: version.id,
    checkInId,
    idempotencyKey: randomUUID(),
    requestHash: "direct insert",
    painBefore: 3,
    painAfter: 3,
    discomfort: "NONE" as const,
  };
}

const validLog = sessionInput;

describe("a red flag at check-in is stored whatever else the form holds", () => {
  it.each([
    {
      label: "an empty pain box",
      redFlags: ["BOWEL_OR_BLADDER_CONTROL"],
      painScore: "",
      stored: { painScore: null, flags: ["BOWEL_OR_BLADDER_CONTROL"] },
      message: "Red flag reported: Trouble controlling bowels or bladder (pain not given).",
    },
    {
      label: "an unreadable pain score",
      redFlags: ["BOWEL_OR_BLADDER_CONTROL"],
      painScore: "abc",
      stored: { painScore: null, flags: ["BOWEL_OR_BLADDER_CONTROL"] },
      message: "Red flag reported: Trouble controlling bowels or bladder (pain not given).",
    },
    {
      label: "a pain score above 10",
      redFlags: ["BOWEL_OR_BLADDER_CONTROL"],
      painScore: "11",
      stored: { painScore: null, flags: ["BOWEL_OR_BLADDER_CONTROL"] },
      message: "Red flag reported: Trouble controlling bowels or bladder (pain not given).",
    },
    {
      label: "a malformed idempotency key",
      redFlags: ["BOWEL_OR_BLADDER_CONTROL"],
      painScore: "3",
      idempotencyKey: "not-a-uuid",
      stored: { painScore: 3, flags: ["BOWEL_OR_BLADDER_CONTROL"] },
      message: "Red flag reported: Trouble controlling bowels or bladder (pain 3/10).",
    },
    {
      label: "saddle numbness",
      redFlags: ["SADDLE_NUMBNESS"],
      painScore: "",
      stored: { painScore: null, flags: ["SADDLE_NUMBNESS"] },
      message: "Red flag reported: Numbness around your bottom, genitals or inner thighs (pain not given).",
    },
    {
      label: "new problems with sexual function",
      redFlags: ["SEXUAL_FUNCTION"],
      painScore: "4",
      stored: { painScore: 4, flags: ["SEXUAL_FUNCTION"] },
      message: "Red flag reported: New problems with sexual function (pain 4/10).",
    },
    {
      label: "symptoms in both legs",
      redFlags: ["BOTH_LEGS"],
      painScore: "9",
      stored: { painScore: 9, flags: ["BOTH_LEGS", "VERY_SEVERE_PAIN"] },
      message: "Red flag reported: Pain, numbness or weakness in both legs, Very severe pain (pain 9/10).",
    },
  ])(
    "through the check-in form, with $label",
    async ({ redFlags, painScore, idempotencyKey, stored, message }) => {
      const { patient, clinic } = await clinicWithActivePlan();
      const key = idempotencyKey ?? randomUUID();
      const seen = await checkIn(patient.asPatient, { redFlags, painScore, idempotencyKey: key });

      const row = await db.checkIn.findFirstOrThrow({ where: { patientId: patient.id } });
      expect(seen).toEqual({ redirectTo: `/patient/check-in/${row.id}` });
      expect({ painScore: row.painScore, flags: row.redFlags }).toEqual(stored);
      // A malformed key is replaced by a fresh one rather than refusing the flag.
      if (idempotencyKey) expect(row.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
      else expect(row.idempotencyKey).toBe(key);
      const report = await db.redFlagReport.findUniqueOrThrow({ where: { checkInId: row.id } });
      expect({ painScore: report.painScore, flags: report.flags }).toEqual(stored);
      expect(await alertOf(report.id)).toMatchObject({
        clinicId: clinic.id,
        severity: "URGENT",
        reason: "RED_FLAG",
        status: "OPEN",
        message,
      });
      expect(await rowsOf(patient.id)).toEqual({
        ...NOTHING_STORED,
        checkIns: 1,
        reports: 1,
        urgent: 1,
        outboxRows: 1,
        patientStatus: "PAUSED_RED_FLAG",
        planStatuses: ["PAUSED"],
      });
    },
  );

  it("refuses a clear check-in without a pain score, next to the field, storing nothing", async () => {
    const { patient } = await clinicWithActivePlan();
    const seen = await checkIn(patient.asPatient, { painScore: "" });
    expect(seen.redirectTo).toBeUndefined();
    expect(seen.message).toBe("Some answers need another look.");
    expect(seen.fieldErrors).toEqual({ painScore: ["Choose your pain now from 0 to 10."] });
    expect(await rowsOf(patient.id)).toEqual(NOTHING_STORED);
  });
});

describe("every session follows its own fresh clear check-in", () => {
  it("is refused by logSession without one, storing nothing", async () => {
    const { patient } = await clinicWithActivePlan();
    const error = await rejection(logSession(patient.asPatient, validLog()));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("CHECK_IN_NEEDED");
    expect(await rowsOf(patient.id)).toEqual(NOTHING_STORED);
  });

  it("is refused by logSession when the only clear check-in is more than 2 hours old", async () => {
    const { patient } = await clinicWithActivePlan();
    await clearCheckIn(patient.id, new Date(Date.now() - 2 * 60 * 60_000 - 60_000));
    const error = await rejection(logSession(patient.asPatient, validLog()));
    expect((error as DomainError).code).toBe("CHECK_IN_NEEDED");
    expect(await rowsOf(patient.id)).toEqual({ ...NOTHING_STORED, checkIns: 1 });
  });

  it("is refused through the session form by sending the patient to check in first", async () => {
    const setup = await clinicWithActivePlan();
    const seen = await logSessionForm(setup, { painBefore: "3", painAfter: "3" });
    expect(seen).toEqual({ redirectTo: "/patient/check-in?next=log" });
    expect(await rowsOf(setup.patient.id)).toEqual(NOTHING_STORED);
  });

  describe("and the database refuses a direct insert", () => {
    it("pointing at a check-in that reported red flags (BC007)", async () => {
      const setup = await clinicWithActivePlan();
      const flagged = await db.checkIn.create({
        data: {
          patientId: setup.patient.id,
          idempotencyKey: randomUUID(),
          requestHash: "direct insert",
          painScore: 3,
          redFlags: ["UNABLE_TO_WALK"],
        },
      });
      const error = await rejection(db.sessionLog.create({ data: await sessionLogRow(setup, flagged.id) }));
      expect(sqlState(error)?.code).toBe("BC007");
      expect(await db.sessionLog.count({ where: { patientId: setup.patient.id } })).toBe(0);
    });

    it("pointing at a clear check-in made 3 hours before (BC008)", async () => {
      const setup = await clinicWithActivePlan();
      const stale = await clearCheckIn(setup.patient.id, new Date(Date.now() - 3 * 60 * 60_000));
      const error = await rejection(db.sessionLog.create({ data: await sessionLogRow(setup, stale.id) }));
      expect(sqlState(error)?.code).toBe("BC008");
      expect(await db.sessionLog.count({ where: { patientId: setup.patient.id } })).toBe(0);
    });

    it("pointing at a check-in another session already used (unique violation)", async () => {
      const setup = await clinicWithActivePlan();
      const used = await clearCheckIn(setup.patient.id);
      const first = await logSession(setup.patient.asPatient, validLog());
      expect((await db.sessionLog.findUniqueOrThrow({ where: { id: first.sessionLogId } })).checkInId).toBe(
        used.id,
      );
      const error = await rejection(db.sessionLog.create({ data: await sessionLogRow(setup, used.id) }));
      expect((error as { code?: string }).code === "P2002" || sqlState(error)?.code === "23505").toBe(true);
      expect(await db.sessionLog.count({ where: { patientId: setup.patient.id } })).toBe(1);
    });

    it("pointing at another patient's check-in (foreign key violation)", async () => {
      const setup = await clinicWithActivePlan();
      const other = await clinicWithActivePlan();
      const theirs = await clearCheckIn(other.patient.id);
      const error = await rejection(db.sessionLog.create({ data: await sessionLogRow(setup, theirs.id) }));
      expect((error as { code?: string }).code === "P2003" || sqlState(error)?.code === "23503").toBe(true);
      expect(await db.sessionLog.count({ where: { patientId: setup.patient.id } })).toBe(0);
    });
  });
});

describe("concurrent submissions never drop a red flag", () => {
  const FLAGS: RedFlagCode[] = [
    "UNABLE_TO_WALK",
    "TINGLING_OR_NUMBNESS",
    "BOWEL_OR_BLADDER_CONTROL",
    "UNABLE_TO_MOVE_VOLUNTARILY",
    "SADDLE_NUMBNESS",
    "SEXUAL_FUNCTION",
    "BOTH_LEGS",
  ];

  it("stores 10 distinct red flags of one patient sent at once, each with its report, alert and delivery", async () => {
    const { patient } = await clinicWithActivePlan();
    const results = values(
      await concurrently(10, (i) =>
        submitCheckIn(patient.asPatient, {
          idempotencyKey: randomUUID(),
          redFlags: [FLAGS[i % FLAGS.length]!],
          painScore: i % 3 === 0 ? null : i,
        }),
      ),
    );
    expect(results.map((result) => result.outcome)).toEqual(Array(10).fill("RED_FLAG"));
    expect(new Set(results.map((result) => result.checkInId)).size).toBe(10);
    expect(await rowsOf(patient.id)).toEqual({
      ...NOTHING_STORED,
      checkIns: 10,
      reports: 10,
      urgent: 10,
      outboxRows: 10,
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });
  });

  it("stores 6 red flags among 4 clear check-ins of one patient sent at once, without a deadlock", async () => {
    const { patient } = await clinicWithActivePlan();
    const outcomes = await concurrently(10, (i) =>
      submitCheckIn(patient.asPatient, {
        idempotencyKey: randomUUID(),
        redFlags: i < 6 ? [FLAGS[i]!] : [],
        painScore: i < 6 ? i : 2,
      }),
    );
    expect(values(outcomes.slice(0, 6)).map((result) => result.outcome)).toEqual(Array(6).fill("RED_FLAG"));
    // A clear check-in that waited behind a red flag finds the patient paused, and says so; none fails otherwise.
    const clear = outcomes.slice(6);
    const refused = errors(clear);
    expect(refused.map((error) => (error as DomainError).code)).toEqual(Array(refused.length).fill("PAUSED"));
    expect(await rowsOf(patient.id)).toEqual({
      ...NOTHING_STORED,
      checkIns: 6 + clear.length - refused.length,
      reports: 6,
      urgent: 6,
      outboxRows: 6,
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });
  });
});

describe("a red flag is never rate-limited", () => {
  it(`is stored and alerted after ${LIMITS.checkInPerPatient.limit} clear check-ins in a minute, while another clear one is refused`, async () => {
    // The limit counts in fixed one-minute windows of the clock: pin the clock (Date only) inside one window.
    vi.useFakeTimers({ toFake: ["Date"] });
    const windowMs = LIMITS.checkInPerPatient.windowMs;
    vi.setSystemTime(Math.floor(Date.now() / windowMs) * windowMs + 1_000);
    const { patient } = await clinicWithActivePlan();
    const first = { idempotencyKey: randomUUID(), painScore: "2" };
    expect(await checkIn(patient.asPatient, first)).toEqual({ redirectTo: "/patient/log" });
    for (let i = 1; i < LIMITS.checkInPerPatient.limit; i++)
      expect(await checkIn(patient.asPatient, { painScore: "2" })).toEqual({ redirectTo: "/patient/log" });

    const limited = await checkIn(patient.asPatient, { painScore: "2" });
    expect(limited.redirectTo).toBeUndefined();
    expect(limited.message).toBe("Too many check-ins in a short time. Please wait a minute and try again.");

    const flagged = await checkIn(patient.asPatient, { redFlags: ["UNABLE_TO_WALK"], painScore: "5" });
    const report = await db.redFlagReport.findFirstOrThrow({
      where: { patientId: patient.id },
      select: { id: true, checkInId: true, flags: true },
    });
    expect(flagged).toEqual({ redirectTo: `/patient/check-in/${report.checkInId}` });
    expect(report.flags).toEqual(["UNABLE_TO_WALK"]);
    expect(await alertOf(report.id)).toMatchObject({ severity: "URGENT", status: "OPEN" });

    // A retry of a check-in already stored is answered as the first time, not counted again.
    expect(await checkIn(patient.asPatient, first)).toEqual({ redirectTo: "/patient/log" });

    expect(await rowsOf(patient.id)).toEqual({
      ...NOTHING_STORED,
      checkIns: LIMITS.checkInPerPatient.limit + 1,
      reports: 1,
      urgent: 1,
      outboxRows: 1,
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });
  });

  it("stores one red flag for 50 identical submissions sent at once, and gives each the same answer", async () => {
    const { patient } = await clinicWithActivePlan();
    const fields = { idempotencyKey: randomUUID(), redFlags: ["BOTH_LEGS"], painScore: "6" };
    const answers = values(await concurrently(50, () => checkIn(patient.asPatient, fields)));
    const row = await db.checkIn.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(new Set(answers.map((seen) => JSON.stringify(seen)))).toEqual(
      new Set([JSON.stringify({ redirectTo: `/patient/check-in/${row.id}` })]),
    );
    expect(row.idempotencyKey).toBe(fields.idempotencyKey);
    expect(await rowsOf(patient.id)).toEqual({
      ...NOTHING_STORED,
      checkIns: 1,
      reports: 1,
      urgent: 1,
      outboxRows: 1,
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });
  });
});

describe("a clearance covers only the reports the clinician saw", () => {
  it("keeps a newer report waiting, and the patient paused, until it is closed too", async () => {
    const { patient, asClinician } = await clinicWithActivePlan();
    const a = await reportRedFlag(patient.asPatient, ["TINGLING_OR_NUMBNESS"]);
    const b = await reportRedFlag(patient.asPatient, ["UNABLE_TO_WALK"]);

    const seen = await closeForm(asClinician, {
      patientId: patient.id,
      reportIds: [a],
      outcome: "CLEARED",
      confirmed: "on",
    });
    expect(seen.ok).toBe(true);
    expect(seen.message).toContain("A new red flag arrived since you opened this page");
    expect(await db.clearance.findMany({ where: { patientId: patient.id } })).toEqual([
      expect.objectContaining({ redFlagReportId: a, outcome: "CLEARED", clinicianId: asClinician.id }),
    ]);
    expect((await alertOf(a)).status).toBe("RESOLVED");
    expect((await alertOf(b)).status).toBe("OPEN");
    expect(await rowsOf(patient.id)).toMatchObject({
      clearances: 1,
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });

    const then = await closeForm(asClinician, {
      patientId: patient.id,
      reportIds: [b],
      outcome: "CLEARED",
      confirmed: "on",
    });
    expect(then).toEqual({ ok: true, message: "Clearance recorded. The patient's plan has resumed." });
    expect((await alertOf(b)).status).toBe("RESOLVED");
    expect(await rowsOf(patient.id)).toMatchObject({
      clearances: 2,
      patientStatus: "ACTIVE",
      planStatuses: ["ACTIVE"],
    });
  });

  it("records one clearance when two clinicians close the same report at once; the other is told", async () => {
    const { patient, asClinician, clinic } = await clinicWithActivePlan();
    const colleague = await anotherClinician(clinic.id);
    const report = await reportRedFlag(patient.asPatient, ["UNABLE_TO_WALK"]);
    const outcomes = await concurrently(2, (i) =>
      closeRedFlags([asClinician, colleague][i]!, {
        patientId: patient.id,
        reportIds: [report],
        outcome: "CLEARED",
        note: `Cleared by Dr Okafor (${i})`,
      }),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const [refused] = errors(outcomes);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("ALREADY_HANDLED");
    expect(await db.clearance.count({ where: { redFlagReportId: report } })).toBe(1);
    expect(await rowsOf(patient.id)).toMatchObject({ patientStatus: "ACTIVE", planStatuses: ["ACTIVE"] });
  });
});

describe("a red flag is closed with an honest outcome", () => {
  it("a referral resolves the alert but keeps the patient paused, until a doctor clears them", async () => {
    const { patient, asClinician } = await clinicWithActivePlan();
    const report = await reportRedFlag(patient.asPatient, ["BOWEL_OR_BLADDER_CONTROL"]);

    const referred = await closeForm(asClinician, {
      patientId: patient.id,
      reportIds: [report],
      outcome: "REFERRED",
      note: "Sent to A&E for an MRI",
    });
    expect(referred).toEqual({
      ok: true,
      message: "Referral recorded. The patient's plan stays paused until a doctor clears them to exercise.",
    });
    const alert = await alertOf(report);
    expect(alert.status).toBe("RESOLVED");
    expect(alert.resolutionNote).toBe("Referred for urgent care: Sent to A&E for an MRI");
    expect(await db.clearance.findFirstOrThrow({ where: { redFlagReportId: report } })).toMatchObject({
      outcome: "REFERRED",
      doctorClearanceConfirmed: false,
    });
    expect(await rowsOf(patient.id)).toMatchObject({
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });
    expect(await getSeekCareAdvice(patient.asPatient)).toMatchObject({
      flags: ["BOWEL_OR_BLADDER_CONTROL"],
      callEmergencyServices: true,
    });

    const cleared = await closeForm(asClinician, {
      patientId: patient.id,
      reportIds: [report],
      outcome: "CLEARED",
      confirmed: "on",
    });
    expect(cleared).toEqual({ ok: true, message: "Clearance recorded. The patient's plan has resumed." });
    expect(
      (await db.clearance.findMany({ where: { redFlagReportId: report } })).map((row) => row.outcome).sort(),
    ).toEqual(["CLEARED", "REFERRED"]);
    expect(await rowsOf(patient.id)).toMatchObject({ patientStatus: "ACTIVE", planStatuses: ["ACTIVE"] });
    expect(await getSeekCareAdvice(patient.asPatient)).toBeNull();
  });

  it("a discharge with no newer report discharges the patient and completes the plan", async () => {
    const { patient, asClinician } = await clinicWithActivePlan();
    const report = await reportRedFlag(patient.asPatient, ["UNABLE_TO_WALK"]);
    const seen = await closeForm(asClinician, {
      patientId: patient.id,
      reportIds: [report],
      outcome: "DISCHARGED",
      note: "Care moved to the spinal team",
    });
    expect(seen).toEqual({ ok: true, message: "Discharge recorded. The patient's plan is completed." });
    expect(await alertOf(report)).toMatchObject({
      status: "RESOLVED",
      resolutionNote: "Discharged: Care moved to the spinal team",
    });
    expect(await rowsOf(patient.id)).toMatchObject({
      clearances: 1,
      patientStatus: "DISCHARGED",
      planStatuses: ["COMPLETED"],
    });
  });

  it("refuses a clearance to exercise without the doctor's confirmation, storing nothing", async () => {
    const { patient, asClinician } = await clinicWithActivePlan();
    const report = await reportRedFlag(patient.asPatient, ["UNABLE_TO_WALK"]);
    const before = await rowsOf(patient.id);
    const seen = await closeForm(asClinician, {
      patientId: patient.id,
      reportIds: [report],
      outcome: "CLEARED",
    });
    expect(seen.fieldErrors).toEqual({
      confirmed: ["Confirm that a doctor has cleared the patient to exercise."],
    });
    expect((await alertOf(report)).status).toBe("OPEN");
    expect(await rowsOf(patient.id)).toEqual(before);
    expect(before).toMatchObject({ clearances: 0, patientStatus: "PAUSED_RED_FLAG" });
  });

  it("gives another clinic's clinician a 404 and changes nothing", async () => {
    const { patient } = await clinicWithActivePlan();
    const other = await createClinic();
    const report = await reportRedFlag(patient.asPatient, ["UNABLE_TO_WALK"]);
    const before = await rowsOf(patient.id);
    session.user = other.asClinician;
    const digest = await nextInterrupt(
      closeRedFlagsAction(
        {},
        form({
          patientId: patient.id,
          reportIds: [report],
          outcome: "CLEARED",
          confirmed: "on",
          note: "Not my patient",
        }),
      ),
    );
    expect(digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect((await alertOf(report)).status).toBe("OPEN");
    expect(await rowsOf(patient.id)).toEqual(before);
  });
});

describe("a session's clinical signals", () => {
  it.each([
    { painAfter: 7, redFlag: false },
    { painAfter: 8, redFlag: true },
  ])("pain after $painAfter on a stored session: red flag $redFlag", async ({ painAfter, redFlag }) => {
    const setup = await clinicWithActivePlan();
    await clearCheckIn(setup.patient.id);
    const seen = await logSessionForm(setup, { painBefore: "6", painAfter: String(painAfter) });
    const log = await db.sessionLog.findFirstOrThrow({ where: { patientId: setup.patient.id } });
    expect(seen).toEqual({ redirectTo: `/patient/log/${log.id}` });
    expect(log.painAfter).toBe(painAfter);
    const reports = await db.redFlagReport.findMany({ where: { patientId: setup.patient.id } });
    if (redFlag) {
      expect(reports).toEqual([
        expect.objectContaining({
          sessionLogId: log.id,
          checkInId: null,
          flags: ["VERY_SEVERE_PAIN"],
          painScore: 8,
        }),
      ]);
      expect(await alertOf(reports[0]!.id)).toMatchObject({
        severity: "URGENT",
        message: "Red flag reported: Very severe pain (pain 8/10).",
      });
    } else expect(reports).toEqual([]);
    expect(await rowsOf(setup.patient.id)).toEqual({
      ...NOTHING_STORED,
      checkIns: 1,
      sessionLogs: 1,
      reports: redFlag ? 1 : 0,
      urgent: redFlag ? 1 : 0,
      outboxRows: redFlag ? 1 : 0,
      patientStatus: redFlag ? "PAUSED_RED_FLAG" : "ACTIVE",
      planStatuses: [redFlag ? "PAUSED" : "ACTIVE"],
    });
  });

  it("keeps very severe pain after a session from a form that could not be stored, as a red flag", async () => {
    const setup = await clinicWithActivePlan();
    const seen = await logSessionForm(setup, { painBefore: "", painAfter: "9" });
    const row = await db.checkIn.findFirstOrThrow({ where: { patientId: setup.patient.id } });
    expect(seen).toEqual({ redirectTo: `/patient/check-in/${row.id}` });
    expect({ flags: row.redFlags, painScore: row.painScore }).toEqual({
      flags: ["VERY_SEVERE_PAIN"],
      painScore: 9,
    });
    const report = await db.redFlagReport.findUniqueOrThrow({ where: { checkInId: row.id } });
    expect(await alertOf(report.id)).toMatchObject({
      severity: "URGENT",
      message: "Red flag reported: Very severe pain (pain 9/10).",
    });
    expect(await rowsOf(setup.patient.id)).toEqual({
      ...NOTHING_STORED,
      checkIns: 1,
      reports: 1,
      urgent: 1,
      outboxRows: 1,
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });
  });

  it("keeps 'worse or spread' from a form that could not be stored as one WARNING, and tells the patient to stop", async () => {
    const setup = await clinicWithActivePlan();
    const fields = { painBefore: "", painAfter: "5", worseOrSpread: true };
    for (let attempt = 0; attempt < 2; attempt++) {
      const seen = await logSessionForm(setup, fields);
      expect(seen.message).toMatch(/^Stop now and rest/);
      expect(seen.fieldErrors).toEqual({ painBefore: ["Choose pain before from 0 to 10."] });
      const warnings = await db.alert.findMany({ where: { patientId: setup.patient.id } });
      expect(warnings.map((alert) => [alert.severity, alert.reason, alert.sessionLogId])).toEqual([
        ["WARNING", "PAIN_WORSE_OR_SPREAD", null],
      ]);
    }
    expect(await rowsOf(setup.patient.id)).toEqual({ ...NOTHING_STORED, warnings: 1, outboxRows: 1 });
  });

  // The product rule: worse or spread tells the patient to stop now. A session form that is refused for want of a
  // check-in must say so too, not only send the patient to the check-in page, which does not.
  it("tells the patient to stop when pain got worse or spread on a session that lacks its check-in", async () => {
    const setup = await clinicWithActivePlan();
    const seen = await logSessionForm(setup, { painBefore: "3", painAfter: "5", worseOrSpread: true });
    const warnings = await db.alert.findMany({ where: { patientId: setup.patient.id } });
    expect(warnings.map((alert) => [alert.severity, alert.reason, alert.sessionLogId])).toEqual([
      ["WARNING", "PAIN_WORSE_OR_SPREAD", null],
    ]);
    expect(await rowsOf(setup.patient.id)).toEqual({ ...NOTHING_STORED, warnings: 1, outboxRows: 1 });
    expect(seen).toMatchObject({ message: expect.stringMatching(/^Stop now and rest/) });
  });

  it.each([
    { before: 2, after: 5, discomfort: "SORENESS", warned: true },
    { before: 2, after: 4, discomfort: "PAIN", warned: true },
    { before: 2, after: 4, discomfort: "SORENESS", warned: false },
  ])(
    "a first session rising from $before to $after, felt as $discomfort: a warning at once is $warned",
    async ({ before, after, discomfort, warned }) => {
      const setup = await clinicWithActivePlan();
      await clearCheckIn(setup.patient.id);
      const seen = await logSessionForm(setup, {
        painBefore: String(before),
        painAfter: String(after),
        discomfort,
      });
      const log = await db.sessionLog.findFirstOrThrow({ where: { patientId: setup.patient.id } });
      expect(seen).toEqual({ redirectTo: `/patient/log/${log.id}` });
      const alerts = await db.alert.findMany({ where: { patientId: setup.patient.id } });
      expect(
        alerts.map((alert) => [alert.severity, alert.reason, alert.sessionLogId, alert.message]),
      ).toEqual(
        warned
          ? [
              [
                "WARNING",
                "PAIN_ROSE_IN_SESSION",
                log.id,
                `Pain rose by ${after - before} points during the session (pain ${before} before, ${after} after).`,
              ],
            ]
          : [],
      );
      expect(await rowsOf(setup.patient.id)).toMatchObject({ sessionLogs: 1, patientStatus: "ACTIVE" });
    },
  );
});

describe("the seek-care advice", () => {
  it("names the symptoms of every waiting report and the clinic's emergency number", async () => {
    const { patient, clinic, asClinician, clinician } = await clinicWithActivePlan();
    const a = await reportRedFlag(patient.asPatient, ["TINGLING_OR_NUMBNESS"], 4);
    await reportRedFlag(patient.asPatient, ["SADDLE_NUMBNESS"], null);
    expect(await getSeekCareAdvice(patient.asPatient)).toEqual({
      flags: ["TINGLING_OR_NUMBNESS", "SADDLE_NUMBNESS"],
      painScore: 4,
      callEmergencyServices: true,
      emergencyNumber: "999",
      clinicianName: clinician.name,
    });

    await db.clinic.update({ where: { id: clinic.id }, data: { emergencyNumber: "112" } });
    await closeRedFlags(asClinician, {
      patientId: patient.id,
      reportIds: [a],
      outcome: "CLEARED",
      note: "Dr Okafor",
    });
    expect(await getSeekCareAdvice(patient.asPatient)).toMatchObject({
      flags: ["SADDLE_NUMBNESS"],
      emergencyNumber: "112",
    });
  });

  it("is null for an active patient", async () => {
    const { patient } = await clinicWithActivePlan();
    expect(await getSeekCareAdvice(patient.asPatient)).toBeNull();
    expect(await rowsOf(patient.id)).toEqual(NOTHING_STORED);
  });
});

describe("a red flag survives what could still drop or outlive it", () => {
  it("is stored when its form's key was used before with other answers, and once for its own retries", async () => {
    const setup = await clinicWithActivePlan();
    const idempotencyKey = randomUUID();
    // The clear check-in was stored but its reply lost; the patient then ticks a symptom and sends again.
    expect(await checkIn(setup.patient.asPatient, { idempotencyKey, painScore: "2" })).toEqual({
      redirectTo: "/patient/log",
    });
    const retry = { idempotencyKey, redFlags: ["UNABLE_TO_WALK"], painScore: "2" };
    const first = await checkIn(setup.patient.asPatient, retry);
    const second = await checkIn(setup.patient.asPatient, retry);
    const report = await db.redFlagReport.findFirstOrThrow({ where: { patientId: setup.patient.id } });
    expect(first).toEqual({ redirectTo: `/patient/check-in/${report.checkInId}` });
    expect(second).toEqual(first);
    expect(await rowsOf(setup.patient.id)).toMatchObject({
      checkIns: 2,
      reports: 1,
      urgent: 1,
      patientStatus: "PAUSED_RED_FLAG",
    });
  });

  it("makes every earlier check-in useless for a session, and refuses clear check-ins while paused", async () => {
    const setup = await clinicWithActivePlan();
    await clearCheckIn(setup.patient.id);
    const reportId = await reportRedFlag(setup.patient.asPatient, ["TINGLING_OR_NUMBNESS"]);
    expect(await checkIn(setup.patient.asPatient, { painScore: "2" })).toMatchObject({
      message:
        "Your exercise is paused after the symptoms you reported. Do not exercise until your clinician has recorded a doctor's clearance.",
    });
    await closeRedFlags(setup.asClinician, {
      patientId: setup.patient.id,
      reportIds: [reportId],
      outcome: "CLEARED",
      note: "Cleared by Dr Okafor",
    });
    const refused = await rejection(logSession(setup.patient.asPatient, validLog()));
    expect((refused as DomainError).code).toBe("CHECK_IN_NEEDED");
    await clearCheckIn(setup.patient.id);
    await logSession(setup.patient.asPatient, validLog());
    expect(await rowsOf(setup.patient.id)).toMatchObject({
      checkIns: 3,
      sessionLogs: 1,
      patientStatus: "ACTIVE",
    });
  });

  it("opens a new 'worse or spread' warning once the clinician has acknowledged the last one", async () => {
    const setup = await clinicWithActivePlan();
    const fields = { painBefore: "", painAfter: "5", worseOrSpread: true };
    await logSessionForm(setup, fields);
    await db.alert.updateMany({
      where: { patientId: setup.patient.id },
      data: { status: "ACKNOWLEDGED", acknowledgedAt: new Date(), acknowledgedById: setup.clinician.id },
    });
    await logSessionForm(setup, fields);
    expect(
      await db.alert.count({ where: { patientId: setup.patient.id, reason: "PAIN_WORSE_OR_SPREAD" } }),
    ).toBe(2);
  });

  it.each([
    [7, false],
    [8, true],
  ])("takes pain before %i on a stored session as very severe pain: %s", async (painBefore, redFlag) => {
    const setup = await clinicWithActivePlan();
    await clearCheckIn(setup.patient.id);
    await logSessionForm(setup, { painBefore: String(painBefore), painAfter: "5" });
    const reports = await db.redFlagReport.findMany({ where: { patientId: setup.patient.id } });
    expect(reports.map((report) => [report.flags, report.painScore])).toEqual(
      redFlag ? [[["VERY_SEVERE_PAIN"], 8]] : [],
    );
  });

  it("keeps very severe pain when storing the session fails unexpectedly", async () => {
    const setup = await clinicWithActivePlan();
    await clearCheckIn(setup.patient.id);
    const sessionLogs = await import("@/lib/dal/session-logs");
    vi.spyOn(sessionLogs, "logSession").mockRejectedValueOnce(new Error("connection reset"));
    const seen = await logSessionForm(setup, { painBefore: "3", painAfter: "9" });
    const row = await db.checkIn.findFirstOrThrow({
      where: { patientId: setup.patient.id, redFlags: { has: "VERY_SEVERE_PAIN" } },
    });
    expect(seen).toEqual({ redirectTo: `/patient/check-in/${row.id}` });
    expect(await rowsOf(setup.patient.id)).toMatchObject({ reports: 1, urgent: 1, sessionLogs: 0 });
    vi.restoreAllMocks();
  });
});
