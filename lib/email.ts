import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { appLink } from "@/lib/links";

// Every e-mail the app sends. None carries clinical details (symptoms, pain scores, notes, plan contents): a
// mailbox is not a place for health data. Links are built on the configured public address (lib/links.ts).

/** Whether SMTP_URL is set: without it, links are handed on by a clinician instead of e-mailed. */
export function emailConfigured(): boolean {
  return env.SMTP_URL !== undefined;
}

/** Sends one plain-text message; returns false, sending nothing, when SMTP is not configured. */
async function send(
  to: string | { name: string; address: string },
  subject: string,
  text: string,
): Promise<boolean> {
  if (!env.SMTP_URL) return false;
  // A local relay (smtp://127.0.0.1) may offer no TLS; any other smtp:// server is upgraded with STARTTLS
  // when it offers it, and smtps:// is TLS from the start.
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, to, subject, text });
  return true;
}

const signature =
  "\n\n-- \nBackcare. You are receiving this because of a request made in Backcare; you can ignore it.";

/** An invitation to set a first password, or (reset) a clinician-made link to set a new one. */
export async function sendInvitationEmail(
  to: { name: string; email: string },
  link: string,
  clinicianName: string,
  { reset = false } = {},
): Promise<boolean> {
  if (reset) {
    return send(
      { name: to.name, address: to.email },
      "Choose a new Backcare password",
      `Hello ${to.name},\n\n${clinicianName} made a link for you to choose a new Backcare password. Open it within 7 days:\n\n${link}\n\nThe link works once. Choosing a new password signs you out on every device. If you did not ask for this, contact your clinic.${signature}`,
    );
  }
  return send(
    { name: to.name, address: to.email },
    `${clinicianName} invited you to Backcare`,
    `Hello ${to.name},\n\n${clinicianName} has set up Backcare for your exercise plan. Open this link within 7 days to choose your password:\n\n${link}\n\nThe link works once.${signature}`,
  );
}

/** An invitation for a new clinician or admin of the clinic to set their first password. */
export async function sendStaffInvitationEmail(
  to: { name: string; email: string; role: "CLINICIAN" | "ADMIN" },
  link: string,
  adminName: string,
): Promise<boolean> {
  const as = to.role === "ADMIN" ? "an admin" : "a clinician";
  return send(
    { name: to.name, address: to.email },
    `${adminName} invited you to Backcare`,
    `Hello ${to.name},\n\n${adminName} has added you to your clinic's Backcare as ${as}. Open this link within 7 days to choose your password:\n\n${link}\n\nThe link works once.${signature}`,
  );
}

/**
 * Sent instead of an invitation when the address already has an account in another clinic. It names only the
 * inviting clinic and changes nothing: the owner keeps signing in as before.
 */
export async function sendAccountExistsEmail(email: string, clinicName: string): Promise<boolean> {
  return send(
    email,
    `${clinicName} invited you to Backcare`,
    `Hello,\n\n${clinicName} tried to invite this e-mail address to Backcare. It already has a Backcare account, so nothing was changed and no new account was made.\n\nSign in as usual at ${appLink("/login")}. If you have forgotten your password, choose a new one at ${appLink("/forgot-password")}.\n\nIf you want ${clinicName} to look after your exercise plan, contact them directly.${signature}`,
  );
}

/** The link of a self-service password reset. */
export async function sendPasswordResetEmail(
  to: { name: string; email: string },
  link: string,
  minutes: number,
): Promise<boolean> {
  return send(
    { name: to.name, address: to.email },
    "Reset your Backcare password",
    `Hello ${to.name},\n\nSomeone, hopefully you, asked to reset the password of your Backcare account. Open this link within ${minutes} minutes to choose a new one:\n\n${link}\n\nThe link works once. Choosing a new password signs you out on every device. If you did not ask for this, ignore this e-mail: your password stays as it is.${signature}`,
  );
}
