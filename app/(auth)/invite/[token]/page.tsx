import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/accept-invitation-form";
import { isTokenShaped } from "@/lib/auth/one-time-token";
import { findInvitation, invitationRefusal } from "@/lib/dal/invitations";

export const metadata: Metadata = { title: "Welcome", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = isTokenShaped(token) ? await findInvitation(token) : ({ state: "unknown" } as const);
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="outline-none mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-12"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Backcare</p>
      {invitation.state === "valid" ? (
        <>
          <h1 className="mt-1 text-2xl font-semibold">
            {invitation.reset ? "Choose a new password" : `Welcome, ${invitation.name.split(" ")[0]}`}
          </h1>
          <p className="mt-2 text-slate-600">
            {invitation.reset
              ? "Your clinician made this link for you. Your old password stops working, and you are signed out everywhere else."
              : invitation.role === "PATIENT"
                ? "Choose a password to see your exercise plan."
                : `Choose a password to join your clinic's Backcare as ${invitation.role === "ADMIN" ? "an admin" : "a clinician"}.`}
          </p>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </>
      ) : (
        <>
          <h1 className="mt-1 text-2xl font-semibold">This link cannot be used</h1>
          <p
            role="alert"
            aria-label="Invitation refused"
            className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-900"
          >
            {invitationRefusal(invitation.state)}
          </p>
          <Link href="/login" className="mt-6 font-medium text-brand-700 underline">
            Go to sign in
          </Link>
        </>
      )}
    </main>
  );
}
