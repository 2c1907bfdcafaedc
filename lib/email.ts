import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

/** Emails an invitation when SMTP is configured; returns whether it was sent. */
export async function sendInvitationEmail(
  to: { name: string; email: string },
  link: string,
  clinicianName: string,
): Promise<boolean> {
  if (!env.SMTP_URL) return false;
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({
    from: env.MAIL_FROM,
    to: `${to.name} <${to.email}>`,
    subject: `${clinicianName} invited you to Backcare`,
    text: `Hello ${to.name},\n\n${clinicianName} has set up Backcare for your exercise plan. Open this link within 7 days to choose your password:\n\n${link}\n\nThe link works once.`,
  });
  return true;
}
