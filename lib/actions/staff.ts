"use server";

import { revalidatePath } from "next/cache";
import { LIMITS, enforce } from "@/lib/dal/rate-limit";
import { deactivateStaff, inviteStaff, reactivateStaff, reassignAllPatients } from "@/lib/dal/staff";
import { sendAccountExistsEmail, sendStaffInvitationEmail } from "@/lib/email";
import { appLink } from "@/lib/links";
import { inviteStaffSchema, reassignAllSchema, staffIdSchema } from "@/lib/validation/staff";
import { adminAction } from "./action";
import type { FormState } from "./form-state";

const notSent = (error: unknown) => {
  console.error("[email] not sent", error);
  return false;
};

// As for patients (lib/actions/onboarding.ts): an address with an account in another clinic is answered
// exactly like a new one, and an e-mailed link is never also shown.
const invite = adminAction(inviteStaffSchema, async (input, admin) => {
  await enforce(`invitation:${admin.id}`, LIMITS.invitationPerClinician, "invitations");
  const outcome = await inviteStaff(admin, input);
  const link = appLink(`/invite/${outcome.token}`);
  const emailed = await (
    outcome.kind === "invited"
      ? sendStaffInvitationEmail(input, link, admin.name)
      : sendAccountExistsEmail(input.email, outcome.clinicName)
  ).catch(notSent);
  revalidatePath("/admin/staff");
  if (emailed) {
    return {
      ok: true,
      message: `${input.name} was added and the invitation was emailed to ${input.email}. The link works once, for 7 days.`,
    };
  }
  return {
    ok: true,
    link,
    message: `${input.name} was added. Copy this link and send it to them: it works once, for 7 days.`,
  };
});

const deactivate = adminAction(staffIdSchema, async ({ userId }, admin) => {
  await deactivateStaff(admin, userId);
  revalidatePath("/admin/staff");
  return { ok: true, message: "The account was deactivated and signed out everywhere." };
});

const reactivate = adminAction(staffIdSchema, async ({ userId }, admin) => {
  await reactivateStaff(admin, userId);
  revalidatePath("/admin/staff");
  return { ok: true, message: "The account was reactivated: they can sign in again." };
});

const reassignAll = adminAction(reassignAllSchema, async ({ fromId, toId }, admin) => {
  const moved = await reassignAllPatients(admin, fromId, toId);
  revalidatePath("/admin/staff");
  return { ok: true, message: `${moved} ${moved === 1 ? "patient was" : "patients were"} reassigned.` };
});

export async function inviteStaffAction(previous: FormState, formData: FormData): Promise<FormState> {
  return invite(previous, formData);
}
export async function deactivateStaffAction(previous: FormState, formData: FormData): Promise<FormState> {
  return deactivate(previous, formData);
}
export async function reactivateStaffAction(previous: FormState, formData: FormData): Promise<FormState> {
  return reactivate(previous, formData);
}
export async function reassignAllPatientsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return reassignAll(previous, formData);
}
