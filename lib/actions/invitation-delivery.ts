import "server-only";
import { sendAccountExistsEmail } from "@/lib/email";
import { appLink } from "@/lib/links";
import type { FormState } from "./form-state";

/** An e-mail that could not be sent is logged and reported as not sent; the caller decides what to say. */
export const notSent = (error: unknown) => {
  console.error("[email] not sent", error);
  return false;
};

export const invitationLink = (token: string) => appLink(`/invite/${token}`);

/**
 * Sends an invitation (a patient's or a staff member's) and words the answer. An address with an account in
 * another clinic is answered exactly like a new one, link and all; only its owner learns, by a neutral e-mail,
 * that someone tried (lib/dal/invitations.ts). An e-mailed link is not also shown: the inviter could open it
 * and see which kind it is.
 */
export async function deliverInvitation(
  invitee: { name: string; email: string },
  outcome: { kind: "invited"; token: string } | { kind: "conflict"; token: string; clinicName: string },
  sendInvitation: (link: string) => Promise<boolean>,
): Promise<FormState> {
  const link = invitationLink(outcome.token);
  const emailed = await (
    outcome.kind === "invited"
      ? sendInvitation(link)
      : sendAccountExistsEmail(invitee.email, outcome.clinicName)
  ).catch(notSent);
  if (emailed) {
    return {
      ok: true,
      message: `${invitee.name} was added and the invitation was emailed to ${invitee.email}. The link works once, for 7 days.`,
    };
  }
  return {
    ok: true,
    link,
    message: `${invitee.name} was added. Copy this link and send it to them: it works once, for 7 days.`,
  };
}
