import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { findCurrentPlan } from "./plans";
import type { ClinicianUser, PatientUser } from "./session";

const patientIdSchema = z.uuid();

/** The clinic's patients, by name, with what the list shows for each. */
export async function listClinicPatients(user: ClinicianUser) {
  const patients = await db.patient.findMany({
    where: { clinicId: user.clinicId },
    orderBy: { user: { name: "asc" } },
    select: {
      id: true,
      status: true,
      user: { select: { name: true } },
      sessionLogs: { orderBy: { performedAt: "desc" }, take: 1, select: { performedAt: true } },
      plans: { where: { status: { in: ["ACTIVE", "PAUSED"] } }, select: { status: true }, take: 1 },
    },
  });
  return patients.map((patient) => ({
    id: patient.id,
    name: patient.user.name,
    status: patient.status,
    lastSessionAt: patient.sessionLogs[0]?.performedAt ?? null,
    planStatus: patient.plans[0]?.status ?? null,
  }));
}

/**
 * One patient of the clinician's clinic with their current plan. A patient of another clinic, an unknown id
 * and a malformed id all look the same: 404.
 */
export async function getClinicPatient(user: ClinicianUser, patientId: string) {
  const id = patientIdSchema.safeParse(patientId);
  if (!id.success) notFound();
  const patient = await db.patient.findFirst({
    where: { id: id.data, clinicId: user.clinicId },
    select: {
      id: true,
      status: true,
      user: { select: { name: true, email: true } },
      clinician: { select: { name: true } },
    },
  });
  if (!patient) notFound();
  const plan = await findCurrentPlan(patient.id);
  return {
    id: patient.id,
    name: patient.user.name,
    email: patient.user.email,
    status: patient.status,
    clinicianName: patient.clinician.name,
    plan,
  };
}

/** The signed-in patient's own profile and current plan. */
export async function getOwnPlan(user: PatientUser) {
  const patient = await db.patient.findFirst({
    where: { id: user.patientId, userId: user.id },
    select: { id: true, status: true, clinician: { select: { name: true } } },
  });
  if (!patient) notFound();
  const plan = await findCurrentPlan(patient.id);
  return { status: patient.status, clinicianName: patient.clinician.name, plan };
}
