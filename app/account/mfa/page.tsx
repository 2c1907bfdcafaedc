import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { MfaCodeForm } from "@/components/mfa-forms";
import { confirmMfaEnrolmentAction } from "@/lib/actions/mfa";
import { pendingEnrolment } from "@/lib/dal/mfa";
import { fullySignedIn, homeFor, requireSignedIn } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

export default async function MfaSetupPage() {
  const user = await requireSignedIn();
  // Someone who has enrolled but not given a code in this browser may not enrol a second phone.
  if (user.mfa === "code-needed") redirect("/mfa");
  const enrolment = await pendingEnrolment(user);
  if (!enrolment) redirect("/account");
  const home = homeFor(user.role);
  const canLeave = fullySignedIn(user);
  return (
    <>
      <AppHeader
        name={user.name}
        home={canLeave ? home : "/account/mfa"}
        links={canLeave ? [{ href: "/account", label: "Account" }] : []}
      />
      <main id="main-content" tabIndex={-1} className="outline-none mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Set up two-step sign-in</h1>
        {user.mfa === "enrolment-needed" ? (
          <p className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            Your clinic requires two-step sign-in for everyone who can see patient records. Set it up to go
            on.
          </p>
        ) : null}
        <p className="mt-3 text-slate-700">
          After your password, Backcare will ask for a code from an authenticator app on your phone (such as
          Google Authenticator, Microsoft Authenticator or 1Password), so a stolen password alone is not
          enough.
        </p>
        <ol className="mt-6 space-y-6">
          <li>
            <h2 className="text-lg font-semibold">1. Scan this QR code with the app</h2>
            <div
              role="img"
              aria-label="QR code for your authenticator app"
              className="mt-3 w-48 rounded-lg border border-slate-200 bg-white p-2 [&>svg]:h-auto [&>svg]:w-full"
              dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
            />
            <p className="mt-3 text-slate-700">Can&apos;t scan it? Enter this key in the app instead:</p>
            <p className="mt-1">
              <code id="totp-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-base">
                {enrolment.secret.match(/.{1,4}/g)?.join(" ")}
              </code>
            </p>
          </li>
          <li>
            <h2 className="text-lg font-semibold">2. Enter the code the app shows</h2>
            <MfaCodeForm
              id="enrol"
              action={confirmMfaEnrolmentAction}
              label="6-digit code"
              submitLabel="Turn on two-step sign-in"
              pendingLabel="Checking…"
              digitsOnly
              continueHref={home}
            />
          </li>
        </ol>
      </main>
    </>
  );
}
