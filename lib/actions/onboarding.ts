"use server";

import { revalidatePath } from "next/cache";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { acceptInvitation, invitePatient, reissueInvitation } from "@/lib/dal/invitations";
import { dischargePatient, reassignPatient } from "@/lib/dal/patient-admin";
import { LIMITS, enforce } from "@/lib/dal/rate-limit";
import { sendInvitationEmail } from "@/lib/email";
import { appLink } from "@/lib/links";
import {
  acceptInvitationSchema,
  invitePatientSchema,
  patientIdSchema,
  reassignSchema,
} from "@/lib/validation/onboarding";
import { clinicianAction, publicAction } from "./action";
import type { FormState } from "./form-state";

const invitationLink = (token: string) => appLink(`/invite/${token}`);

const invite = clinicianAction(invitePatientSchema, async (input, user) => {
  await enforce(`invitation:${user.id}`, LIMITS.invitationPerClinician, "invitations");
  const { token } = await invitePatient(user, input);
  const link = invitationLink(token);
  const emailed = await sendInvitationEmail(input, link, user.name).catch((error: unknown) => {
    console.error("[email] invitation not sent", error);
    return false;
  });
  revalidatePath("/clinician");
  return {
    ok: true,
    link,
    message: emailed
      ? `${input.name} was added and the invitation was emailed to ${input.email}. The link works once, for 7 days.`
      : `${input.name} was added. Copy this link and send it to them: it works once, for 7 days.`,
  };
});

const reissue = clinicianAction(patientIdSchema, async ({ patientId }, user) => {
  const link = invitationLink(await reissueInvitation(user, patientId));
  return { ok: true, link, message: "A new invitation link was made; earlier links no longer work." };
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
  const email = await acceptInvitation(token, password);
  try {
    await signIn("credentials", { email, password, redirectTo: "/patient" });
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
