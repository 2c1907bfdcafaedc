import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { ClinicianUser, PatientUser } from "@/lib/dal/session";

// A precomputed hash of "fixture-password" keeps fixtures fast; tests of hashing itself live beside the code.
export const FIXTURE_PASSWORD = "fixture-password";
let fixtureHash: Promise<string> | undefined;
async function passwordHash() {
  const { hashPassword } = await import("@/lib/auth/password");
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  return fixtureHash;
}

const unique = () => randomUUID().slice(0, 8);

/** A clinic of its own with one clinician and one patient, so a test's writes touch nothing else. */
export async function createClinic(name = `Clinic ${unique()}`) {
  const clinic = await db.clinic.create({ data: { name } });
  const clinician = await db.user.create({
    data: {
      clinicId: clinic.id,
      email: `clinician-${unique()}@test.example`,
      name: `Clinician ${unique()}`,
      role: "CLINICIAN",
      passwordHash: await passwordHash(),
    },
  });
  const patient = await createPatient(clinic.id, clinician.id);
  const asClinician: ClinicianUser = {
    id: clinician.id,
    role: "CLINICIAN",
    clinicId: clinic.id,
    name: clinician.name,
    email: clinician.email,
    patientId: null,
    sessionId: null,
    mfa: "not-required",
  };
  return { clinic, clinician, patient, asClinician };
}

export async function createPatient(clinicId: string, clinicianId: string, name = `Patient ${unique()}`) {
  const user = await db.user.create({
    data: {
      clinicId,
      email: `patient-${unique()}@test.example`,
      name,
      role: "PATIENT",
      passwordHash: await passwordHash(),
    },
  });
  const patient = await db.patient.create({ data: { userId: user.id, clinicId, clinicianId } });
  const asPatient: PatientUser = {
    id: user.id,
    role: "PATIENT",
    clinicId,
    name,
    email: user.email,
    patientId: patient.id,
    sessionId: null,
    mfa: "not-required",
  };
  return { ...patient, user, asPatient };
}

export async function catalogueExercise(slug: string) {
  return db.exercise.findFirstOrThrow({ where: { clinicId: null, slug } });
}

/** Row counts of every table a plan write could touch, to show that a refused write stored nothing. */
export async function planTableCounts() {
  const [plans, items, versions, audits] = await Promise.all([
    db.plan.count(),
    db.planItem.count(),
    db.planVersion.count(),
    db.auditEvent.count(),
  ]);
  return { plans, items, versions, audits };
}

/** Resolves to the digest Next.js gives notFound()/forbidden()/redirect() errors, or rethrows anything else. */
export async function nextInterrupt(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string") return digest;
    throw error;
  }
  throw new Error("Expected a Next.js interrupt (notFound, forbidden or redirect), but the call succeeded.");
}

/**
 * A clear check-in of the patient's, stored directly (without the check-in's rate limit), so that one session
 * may follow it within 2 hours: the database refuses a session log without one.
 */
export async function clearCheckIn(patientId: string, createdAt = new Date()) {
  return db.checkIn.create({
    data: {
      patientId,
      idempotencyKey: randomUUID(),
      requestHash: "fixture",
      painScore: 2,
      redFlags: [],
      createdAt,
    },
    select: { id: true },
  });
}
