"use server";

import { revalidatePath } from "next/cache";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { acceptInvitation, invitePatient, reissueInvitation } from "@/lib/dal/invitations";
import { dischargePatient, reassignPatient } from "@/lib/dal/patient-admin";
import { homeFor } from "@/lib/dal/session";
import { DomainError } from "@/lib/domain/errors";
import { LIMITS, enforce } from "@/lib/dal/rate-limit";
import { emailConfigured, sendInvitationEmail } from "@/lib/email";
import {
  acceptInvitationSchema,
  invitePatientSchema,
  patientIdSchema,
  reassignSchema,
} from "@/lib/validation/onboarding";
import { clinicianAction, publicAction } from "./action";
import { deliverInvitation, invitationLink, notSent } from "./invitation-delivery";
import type { FormState } from "./form-state";

const invite = clinicianAction(invitePatientSchema, async (input, user) => {
  await enforce(`invitation:${user.id}`, LIMITS.invitationPerClinician, "invitations");
  const outcome = await invitePatient(user, input);
  revalidatePath("/clinician");
  return deliverInvitation(input, outcome, (link) => sendInvitationEmail(input, link, user.name));
});

// With e-mail configured the link goes to the patient's own address and is never shown: a link on screen
// would let whoever reads it take over the patient's account.
const reissue = clinicianAction(patientIdSchema, async ({ patientId }, user) => {
  await enforce(`invitation:${user.id}`, LIMITS.invitationPerClinician, "invitations");
  const delivery = emailConfigured() ? "email" : "screen";
  const patient = await reissueInvitation(user, patientId, delivery);
  const link = invitationLink(patient.token);
  const what = patient.reset ? "password reset link" : "invitation link";
  if (delivery === "screen") {
    return { ok: true, link, message: `A new ${what} was made; earlier links no longer work.` };
  }
  const sent = await sendInvitationEmail(patient, link, user.name, { reset: patient.reset }).catch(notSent);
  if (!sent) {
    throw new DomainError(
      "EMAIL_NOT_SENT",
      "The email could not be sent, so earlier links no longer work and the new one reached no one. Please try again in a few minutes.",
    );
  }
  return {
    ok: true,
    message: `A new ${what} was emailed to ${patient.email}; it works once, for 7 days. Earlier links no longer work.`,
  };
});

const discharge = clinicianAction(patientIdSchema, async ({ patientId }, user) => {
  await dischargePatient(user, patientId);
  revalidatePath(`/clinician/patients/${patientId}`);
  return { ok: true, message: "The patient was discharged." };
});

const reassign = clinicianAction(reassignSchema, async ({ patientId, clinicianId }, user) => {
  await reassignPatient(user, patientId, clinicianId);
  revalidatePath(`/clinician/patients/${patientId}`);
  return { ok: true, message: "The patient was reassigned." };
});

const accept = publicAction(acceptInvitationSchema, async ({ token, password }) => {
  const { email, role } = await acceptInvitation(token, password);
  try {
    await signIn("credentials", { email, password, redirectTo: homeFor(role) });
  } catch (error) {
    if (error instanceof AuthError) return { redirectTo: "/login" };
    throw error;
  }
  return {};
});

export async function invitePatientAction(previous: FormState, formData: FormData): Promise<FormState> {
  return invite(previous, formData);
}
export async function reissueInvitationAction(previous: FormState, formData: FormData): Promise<FormState> {
  return reissue(previous, formData);
}
export async function dischargePatientAction(previous: FormState, formData: FormData): Promise<FormState> {
  return discharge(previous, formData);
}
export async function reassignPatientAction(previous: FormState, formData: FormData): Promise<FormState> {
  return reassign(previous, formData);
}
export async function acceptInvitationAction(previous: FormState, formData: FormData): Promise<FormState> {
  return accept(previous, formData);
}
