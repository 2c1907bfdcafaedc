import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acknowledgePlan, getClinicPatient, getOwnPlan } from "@/lib/dal/patients";
import { triagePatients } from "@/lib/dal/triage";
import type { ClinicianUser, PatientUser } from "@/lib/dal/session";
import { createClinic, nextInterrupt } from "../support/fixtures";
import { clinicWithActivePlan } from "../support/plans";

async function demoClinician(email: string): Promise<ClinicianUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return {
    id: user.id,
    role: "CLINICIAN",
    clinicId: user.clinicId,
    name: user.name,
    email: user.email,
    patientId: null,
    sessionId: null,
    mfa: "not-required",
  };
}

async function demoPatient(email: string): Promise<PatientUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { patient: true } });
  return {
    id: user.id,
    role: "PATIENT",
    clinicId: user.clinicId,
    name: user.name,
    email,
    patientId: user.patient!.id,
    sessionId: null,
    mfa: "not-required",
  };
}

describe("clinician patient access", () => {
  it("lists only the clinic's own patients, by name", async () => {
    const robin = await demoClinician("clinician@demo.test");
    const names = (await triagePatients(robin, { page: 1 })).patients.map((patient) => patient.name);
    expect(names).toEqual(["Alex Morgan", "Sam Rivera"]);
  });

  it("shows a patient of the clinic with their plan", async () => {
    const robin = await demoClinician("clinician@demo.test");
    const alex = await demoPatient("patient@demo.test");
    const patient = await getClinicPatient(robin, alex.patientId);
    expect(patient.name).toBe("Alex Morgan");
    expect(patient.plan?.status).toBe("ACTIVE");
    expect(patient.plan?.items.map((item) => item.exercise.name)).toEqual([
      "Walking",
      "Light stretching",
      "Light strength training",
    ]);
  });

  it("answers 404 for another clinic's patient, an unknown id and a malformed id", async () => {
    const kim = await demoClinician("other.clinician@demo.test");
    const alex = await demoPatient("patient@demo.test");
    expect(await nextInterrupt(getClinicPatient(kim, alex.patientId))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await nextInterrupt(getClinicPatient(kim, "00000000-0000-4000-8000-000000000000"))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(await nextInterrupt(getClinicPatient(kim, "' or 1=1 --"))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("shows an empty list to a clinic with no patients", async () => {
    const { asClinician, patient } = await createClinic();
    await db.patient.delete({ where: { id: patient.id } });
    await expect(triagePatients(asClinician, { page: 1 })).resolves.toMatchObject({
      patients: [],
      total: 0,
      pages: 1,
    });
  });
});

describe("patient's own plan", () => {
  it("returns the patient's plan and nothing of anyone else's", async () => {
    const alex = await demoPatient("patient@demo.test");
    const own = await getOwnPlan(alex);
    expect(own.clinicianName).toBe("Robin Patel");
    expect(own.plan?.items).toHaveLength(3);
  });

  it("returns no plan for a patient who has none", async () => {
    const sam = await demoPatient("patient2@demo.test");
    expect((await getOwnPlan(sam)).plan).toBeNull();
  });
});

describe("acknowledging a plan's changes", () => {
  it("moves the seen version only forwards and only up to the plan's own version, auditing each move", async () => {
    const { patient, plan } = await clinicWithActivePlan();
    await db.plan.update({ where: { id: plan.planId }, data: { version: 3, patientSeenVersion: 1 } });
    const seen = async () =>
      (await db.plan.findUniqueOrThrow({ where: { id: plan.planId } })).patientSeenVersion;
    const audits = () =>
      db.auditEvent.count({ where: { entityId: plan.planId, action: "plan.seen_by_patient" } });
    const steps: [version: number, expected: number, audited: number][] = [
      [2, 2, 1],
      [1, 2, 1], // backwards: unchanged, nothing audited
      [2, 2, 1], // again: a double click changes nothing
      [4, 2, 1], // past the plan's version: unchanged
      [3, 3, 2],
    ];
    for (const [version, expected, audited] of steps) {
      await acknowledgePlan(patient.asPatient, { planId: plan.planId, version });
      expect([version, await seen(), await audits()]).toEqual([version, expected, audited]);
    }
  });
});
