import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { triagePatients } from "@/lib/dal/triage";
import { clearCheckIn, createClinic, createPatient } from "../support/fixtures";

const DAY = 86_400_000;

/** A clinic with `count` patients, each on an active plan with a week of sessions. */
async function clinicWithPatients(count: number) {
  const setup = await createClinic();
  const walking = await db.exercise.findFirstOrThrow({ where: { clinicId: null, slug: "walking" } });
  const patients = [
    setup.patient,
    ...(await Promise.all(
      Array.from({ length: count - 1 }, () => createPatient(setup.clinic.id, setup.clinician.id)),
    )),
  ];
  for (const patient of patients) {
    const plan = await db.plan.create({
      data: {
        patientId: patient.id,
        createdById: setup.clinician.id,
        startDate: new Date(Date.now() - 20 * DAY),
        status: "ACTIVE",
        activatedAt: new Date(Date.now() - 20 * DAY),
        items: { create: [{ exerciseId: walking.id, position: 1, minutes: 20, timesPerWeek: 3 }] },
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
    const checkIns = await Promise.all(Array.from({ length: 5 }, () => clearCheckIn(patient.id)));
    await db.sessionLog.createMany({
      data: checkIns.map((checkIn, day) => ({
        patientId: patient.id,
        planId: plan.id,
        planVersionId: version.id,
        checkInId: checkIn.id,
        idempotencyKey: randomUUID(),
        requestHash: "x",
        performedAt: new Date(Date.now() - (day + 1) * DAY),
        painBefore: 5,
        painAfter: 4,
      })),
    });
  }
  return { ...setup, patients };
}

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const listener = () => {
    count += 1;
  };
  db.$on("query", listener);
  await run();
  // Prisma offers no way to remove a listener; stop counting by swapping the counter out.
  const result = count;
  count = Number.NaN;
  return result;
}

describe("triage list", () => {
  it("makes the same number of queries for 10 patients as for 100", async () => {
    const ten = await clinicWithPatients(10);
    const hundred = await clinicWithPatients(100);
    const forTen = await countQueries(() => triagePatients(ten.asClinician, { page: 1 }));
    const forHundred = await countQueries(() => triagePatients(hundred.asClinician, { page: 1 }));
    expect(forTen).toBe(2);
    expect(forHundred).toBe(forTen);
    const page = await triagePatients(hundred.asClinician, { page: 4 });
    expect(page).toMatchObject({ total: 100, page: 4, pages: 4 });
    expect(page.patients).toHaveLength(25);
  }, 120_000);

  it("orders by need: overdue urgent, urgent, warning, inactive, then the rest by name", async () => {
    const setup = await createClinic("Triage order");
    const make = (name: string) => createPatient(setup.clinic.id, setup.clinician.id, name);
    const [calm, warned, urgent, overdue, idle] = await Promise.all([
      make("Ada Calm"),
      make("Ben Warned"),
      make("Cy Urgent"),
      make("Di Overdue"),
      make("Ed Idle"),
    ]);
    const alert = (patientId: string, severity: "URGENT" | "WARNING", minutesAgo: number) =>
      db.alert.create({
        data: {
          clinicId: setup.clinic.id,
          patientId,
          severity,
          reason: severity === "URGENT" ? "RED_FLAG" : "RISING_PAIN",
          message: "m",
          createdAt: new Date(Date.now() - minutesAgo * 60_000),
        },
      });
    await alert(warned.id, "WARNING", 5);
    await alert(urgent.id, "URGENT", 5);
    await alert(overdue.id, "URGENT", 20);
    const walking = await db.exercise.findFirstOrThrow({ where: { clinicId: null, slug: "walking" } });
    await db.plan.create({
      data: {
        patientId: idle.id,
        createdById: setup.clinician.id,
        startDate: new Date(Date.now() - 5 * DAY),
        status: "ACTIVE",
        activatedAt: new Date(Date.now() - 5 * DAY),
        items: { create: [{ exerciseId: walking.id, position: 1, minutes: 10, timesPerWeek: 3 }] },
      },
    });
    // Inactivity counts from the patient's creation too: Ed has been on the books for as long as his plan.
    await db.patient.update({ where: { id: idle.id }, data: { createdAt: new Date(Date.now() - 5 * DAY) } });
    const { patients } = await triagePatients(setup.asClinician, { page: 1 });
    expect(patients.map((patient) => patient.name)).toEqual([
      "Di Overdue",
      "Cy Urgent",
      "Ben Warned",
      "Ed Idle",
      "Ada Calm",
      setup.patient.user.name,
    ]);
    expect(patients.find((patient) => patient.name === "Ed Idle")?.engagement).toBe("INACTIVE");
    expect(patients[0]!.openAlerts).toEqual({ urgent: 1, warning: 0, overdue: true });
    void calm;
  });

  it("searches by name and filters by status, within the clinic only", async () => {
    const setup = await createClinic();
    const other = await createClinic();
    await createPatient(setup.clinic.id, setup.clinician.id, "Zoe 100% Quinn");
    await createPatient(other.clinic.id, other.clinician.id, "Zoe Other");
    const found = await triagePatients(setup.asClinician, { page: 1, query: "zoe" });
    expect(found.patients.map((patient) => patient.name)).toEqual(["Zoe 100% Quinn"]);
    expect((await triagePatients(setup.asClinician, { page: 1, query: "100%" })).total).toBe(1);
    expect((await triagePatients(setup.asClinician, { page: 1, query: "%" })).total).toBe(1);
    expect((await triagePatients(setup.asClinician, { page: 1, status: "DISCHARGED" })).patients).toEqual([]);
  });
});
