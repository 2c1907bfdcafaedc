"use server";

import { revalidatePath } from "next/cache";
import { LIMITS, enforce } from "@/lib/dal/rate-limit";
import { deactivateStaff, inviteStaff, reactivateStaff, reassignAllPatients } from "@/lib/dal/staff";
import { sendStaffInvitationEmail } from "@/lib/email";
import { inviteStaffSchema, reassignAllSchema, staffIdSchema } from "@/lib/validation/staff";
import { adminAction } from "./action";
import { deliverInvitation } from "./invitation-delivery";
import type { FormState } from "./form-state";

// As for patients: see deliverInvitation.
const invite = adminAction(inviteStaffSchema, async (input, admin) => {
  await enforce(`invitation:${admin.id}`, LIMITS.invitationPerClinician, "invitations");
  const outcome = await inviteStaff(admin, input);
  revalidatePath("/admin/staff");
  return deliverInvitation(input, outcome, (link) => sendStaffInvitationEmail(input, link, admin.name));
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
