import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setOwnTimeZone } from "@/lib/dal/account";
import { clinicAuditLog } from "@/lib/dal/admin";
import { getClinicPatient, getOwnPlan } from "@/lib/dal/patients";
import { savePlan } from "@/lib/dal/plan-writes";
import { getPatientRecord } from "@/lib/dal/patient-record";
import { getOwnProgress } from "@/lib/dal/progress";
import type { AdminUser } from "@/lib/dal/session";
import { triagePatients } from "@/lib/dal/triage";
import { versionStandings } from "@/lib/domain/plan-versions";
import { parseAuditQuery } from "@/lib/validation/audit";
import { clearCheckIn, createClinic, createPatient } from "../support/fixtures";
import { newPlanInput } from "../support/plans";

// Days, weeks and times as people see them: in the patient's zone for their adherence and streak, in the
// reader's zone for the labels, and inactivity counted from when there was anything to do.

const NEW_YORK = "America/New_York";
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

/** An active plan of walking, `perWeek` times a week from `startDate`, with a session at each instant. */
async function planWithSessions(
  setup: { clinician: { id: string } },
  patientId: string,
  options: { startDate: string; perWeek: number; sessions: Date[]; activatedAt?: Date },
) {
  const walking = await db.exercise.findFirstOrThrow({ where: { clinicId: null, slug: "walking" } });
  const plan = await db.plan.create({
    data: {
      patientId,
      createdById: setup.clinician.id,
      startDate: new Date(`${options.startDate}T00:00:00Z`),
      status: "ACTIVE",
      activatedAt: options.activatedAt ?? new Date(`${options.startDate}T09:00:00Z`),
      items: {
        create: [{ exerciseId: walking.id, position: 1, minutes: 20, timesPerWeek: options.perWeek }],
      },
    },
  });
  const version = await db.planVersion.create({
    data: {
      planId: plan.id,
      version: 1,
      status: "ACTIVE",
      items: [],
      summary: "x",
      createdById: setup.clinician.id,
    },
  });
  for (const performedAt of options.sessions) {
    const checkIn = await clearCheckIn(patientId, new Date(performedAt.getTime() - 5 * 60_000));
    await db.sessionLog.create({
      data: {
        patientId,
        planId: plan.id,
        planVersionId: version.id,
        checkInId: checkIn.id,
        idempotencyKey: randomUUID(),
        requestHash: "x",
        performedAt,
        createdAt: performedAt,
        painBefore: 4,
        painAfter: 3,
      },
    });
  }
  return plan;
}

/** A clinic in New York whose patient has a plan from Monday 16 November, twice a week. */
async function newYorkPatient() {
  const setup = await createClinic();
  await db.clinic.update({ where: { id: setup.clinic.id }, data: { timeZone: NEW_YORK } });
  await planWithSessions(setup, setup.patient.id, {
    startDate: "2026-11-16",
    perWeek: 2,
    sessions: [
      at("2026-11-17T15:00:00Z"), // Tuesday 17 November, 10:00 EST
      at("2026-11-23T04:30:00Z"), // Sunday 22 November, 23:30 EST (Monday 23 in UTC)
      at("2026-11-30T04:30:00Z"), // Sunday 29 November, 23:30 EST (Monday 30 in UTC)
    ],
  });
  return setup;
}

describe("adherence and streaks by the patient's local day", () => {
  it("counts a New York patient's 23:30 sessions on their own Sundays", async () => {
    const setup = await newYorkPatient();
    const patient = { ...setup.patient.asPatient, timeZone: NEW_YORK };
    // Monday 30 November, 07:00 in New York.
    const progress = await getOwnProgress(patient, at("2026-11-30T12:00:00Z"));
    expect(progress.adherence?.weeks).toEqual([
      { weekStart: "2026-11-16", done: 2, target: 2, ratio: 1 },
      { weekStart: "2026-11-23", done: 1, target: 2, ratio: 0.5 },
      { weekStart: "2026-11-30", done: 0, target: 2, ratio: 0 },
    ]);
    // Due: two finished weeks of 2; nothing yet on Monday morning of the third.
    expect(progress.adherence).toMatchObject({ done: 3, due: 4, percent: 75 });
    expect(progress.thisWeek).toMatchObject({ done: 0, target: 2 });
    expect(progress.streak).toBe(1); // Sunday, yesterday
    expect(progress.painSeries.map((point) => point.label)).toEqual(["17 Nov", "22 Nov", "29 Nov"]);
  });

  it("shows the clinician the patient's adherence in the patient's zone and dates in the clinician's", async () => {
    const setup = await newYorkPatient();
    // The clinician chose London for themselves; the patient follows the clinic's New York.
    const clinician = { ...setup.asClinician, timeZone: "Europe/London" };
    const record = await getPatientRecord(clinician, setup.patient.id, at("2026-11-30T12:00:00Z"));
    expect(record.adherence?.weeks.map((week) => [week.weekStart, week.done])).toEqual([
      ["2026-11-16", 2],
      ["2026-11-23", 1],
      ["2026-11-30", 0],
    ]);
    expect(record.adherence?.percent).toBe(75);
    expect(record.painSeries.map((point) => point.label)).toEqual(["17 Nov", "23 Nov", "30 Nov"]);

    // A patient's own zone comes before their clinic's: in Tokyo the Sunday sessions are Monday afternoons.
    await db.user.update({ where: { id: setup.patient.user.id }, data: { timeZone: "Asia/Tokyo" } });
    const inTokyo = await getPatientRecord(clinician, setup.patient.id, at("2026-11-30T12:00:00Z"));
    expect(inTokyo.adherence?.weeks.map((week) => [week.weekStart, week.done])).toEqual([
      ["2026-11-16", 1],
      ["2026-11-23", 1],
      ["2026-11-30", 1],
    ]);
  });

  it("counts this week on the triage list from the patient's Monday", async () => {
    const setup = await newYorkPatient();
    // Wednesday 25 November: the session of Sunday 22 at 23:30 EST was last week in New York (in UTC it
    // would be this Monday's). Likewise on Tuesday 1 December for the session of Sunday 29.
    const { patients } = await triagePatients(setup.asClinician, { page: 1 }, at("2026-11-25T17:00:00Z"));
    expect(patients[0]!.adherence).toEqual({ done: 0, target: 2, ratio: 0 });
    const tuesday = await triagePatients(setup.asClinician, { page: 1 }, at("2026-12-01T17:00:00Z"));
    expect(tuesday.patients[0]!.adherence).toEqual({ done: 0, target: 2, ratio: 0 });
    // Late on Sunday 29 November in New York, that evening's session is this week's.
    const sunday = await triagePatients(setup.asClinician, { page: 1 }, at("2026-11-30T04:45:00Z"));
    expect(sunday.patients[0]!.adherence).toEqual({ done: 1, target: 2, ratio: 0.5 });
  });
});

describe("inactivity", () => {
  it("does not call a patient added minutes ago inactive, whatever their plan's age", async () => {
    const setup = await createClinic();
    const fresh = await createPatient(setup.clinic.id, setup.clinician.id, "Fay Fresh");
    const longAgo = new Date(Date.now() - 20 * DAY);
    await planWithSessions(setup, fresh.id, {
      startDate: longAgo.toISOString().slice(0, 10),
      perWeek: 3,
      sessions: [],
      activatedAt: longAgo,
    });
    const starting = await createPatient(setup.clinic.id, setup.clinician.id, "Gus Starting");
    await db.patient.update({ where: { id: starting.id }, data: { createdAt: longAgo } });
    await planWithSessions(setup, starting.id, {
      startDate: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
      perWeek: 3,
      sessions: [],
      activatedAt: longAgo,
    });
    const stalled = await createPatient(setup.clinic.id, setup.clinician.id, "Hal Stalled");
    await db.patient.update({ where: { id: stalled.id }, data: { createdAt: longAgo } });
    await planWithSessions(setup, stalled.id, {
      startDate: longAgo.toISOString().slice(0, 10),
      perWeek: 3,
      sessions: [],
      activatedAt: longAgo,
    });
    const { patients } = await triagePatients(setup.asClinician, { page: 1 });
    const byName = Object.fromEntries(patients.map((patient) => [patient.name, patient]));
    expect(byName["Fay Fresh"]!.engagement).toBe("ON_TRACK");
    expect(byName["Gus Starting"]!.engagement).toBe("ON_TRACK");
    expect(byName["Hal Stalled"]!.engagement).toBe("STALLED");
    // The rank agrees with the labels: only Hal is listed before the others as inactive.
    expect(patients[0]!.name).toBe("Hal Stalled");
  });
});

describe("a person's own time zone", () => {
  it("is stored for that person only, audited, and null goes back to the clinic's", async () => {
    const setup = await createClinic();
    await setOwnTimeZone(setup.patient.asPatient, "Asia/Tokyo");
    const row = () => db.user.findUniqueOrThrow({ where: { id: setup.patient.user.id } });
    expect((await row()).timeZone).toBe("Asia/Tokyo");
    expect((await db.user.findUniqueOrThrow({ where: { id: setup.clinician.id } })).timeZone).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { actorId: setup.patient.user.id, action: "account.time_zone_changed" },
    });
    expect(events.map((event) => event.metadata)).toEqual([{ timeZone: "Asia/Tokyo" }]);
    await setOwnTimeZone(setup.patient.asPatient, null);
    expect((await row()).timeZone).toBeNull();
    // The database refuses a zone it does not know, whatever the form let through.
    await expect(setOwnTimeZone(setup.patient.asPatient, "Mars/Olympus_Mons")).rejects.toThrow();
    expect((await row()).timeZone).toBeNull();
  });
});

describe("the audit trail's dates", () => {
  it("are whole days where the admin is", async () => {
    const setup = await createClinic();
    const row = await db.user.create({
      data: {
        clinicId: setup.clinic.id,
        email: `admin-${randomUUID().slice(0, 8)}@test.example`,
        name: "Admin",
        role: "ADMIN",
        passwordHash: "x",
      },
    });
    const admin: AdminUser = {
      id: row.id,
      role: "ADMIN",
      clinicId: setup.clinic.id,
      name: row.name,
      email: row.email,
      patientId: null,
      sessionId: null,
      mfa: "not-required",
      timeZone: NEW_YORK,
    };
    await db.auditEvent.create({
      data: {
        clinicId: setup.clinic.id,
        actorId: row.id,
        action: "auth.sign_in",
        entityType: "User",
        entityId: row.id,
        createdAt: at("2026-11-21T03:00:00Z"), // Friday 20 November, 22:00 EST
      },
    });
    const day = async (date: string) =>
      (await clinicAuditLog(admin, parseAuditQuery({ from: date, to: date }).filters)).total;
    expect(await day("2026-11-20")).toBe(1);
    expect(await day("2026-11-21")).toBe(0);
  });
});

describe("plan versions as the patient and the history see them", () => {
  it("numbers the first active version 1 for the patient and labels each version with what it is now", async () => {
    const setup = await createClinic();
    const walking = (await db.exercise.findFirstOrThrow({ where: { clinicId: null, slug: "walking" } })).id;
    const stretching = (
      await db.exercise.findFirstOrThrow({ where: { clinicId: null, slug: "light-stretching" } })
    ).id;
    const draft = { ...newPlanInput(setup.patient.id, [walking]), intent: "save" as const };
    const first = await savePlan(setup.asClinician, draft);
    const second = await savePlan(setup.asClinician, {
      ...newPlanInput(setup.patient.id, [walking, stretching]),
      intent: "save",
      planId: first.planId,
      expectedVersion: first.version,
    });
    const active = await savePlan(setup.asClinician, {
      ...newPlanInput(setup.patient.id, [walking, stretching]),
      planId: first.planId,
      expectedVersion: second.version,
    });
    expect(active.version).toBe(3);
    expect((await getOwnPlan(setup.patient.asPatient)).plan?.patientVersion).toBe(1);

    const revised = await savePlan(setup.asClinician, {
      ...newPlanInput(setup.patient.id, [walking]),
      planId: first.planId,
      expectedVersion: active.version,
    });
    expect((await getOwnPlan(setup.patient.asPatient)).plan?.patientVersion).toBe(2);

    const { versions, plan } = await getClinicPatient(setup.asClinician, setup.patient.id);
    expect(revised.version).toBe(4);
    expect(
      versionStandings(versions, plan!.status).map((v) => [v.version, v.standing, v.patientVersion]),
    ).toEqual([
      [4, "active", 2],
      [3, "superseded", 1],
      [2, "draft", null],
      [1, "draft", null],
    ]);
  });
});
