import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/change-password-form";
import { MfaCodeForm } from "@/components/mfa-forms";
import { PausedAdvice } from "@/components/paused-advice";
import { TimeZoneForm } from "@/components/time-zone-form";
import { ownTimeZone } from "@/lib/dal/account";
import { TIME_ZONES } from "@/lib/time";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { disableMfaAction, regenerateRecoveryCodesAction } from "@/lib/actions/mfa";
import { mfaStatus, type MfaStatus } from "@/lib/dal/mfa";
import { homeFor, requireUser, type PatientUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const [mfa, zone] = await Promise.all([
    user.role === "PATIENT" ? null : mfaStatus(user),
    ownTimeZone(user),
  ]);
  return (
    <>
      <AppHeader
        name={user.name}
        home={homeFor(user.role)}
        links={[{ href: homeFor(user.role), label: "Home" }]}
      />
      <main id="main-content" tabIndex={-1} className="outline-none mx-auto max-w-3xl px-4 py-8">
        {user.role === "PATIENT" ? <PausedAdvice user={user as PatientUser} className="mb-8" /> : null}
        <h1 className="text-2xl font-semibold">Your account</h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">Name</dt>
          <dd>{user.name}</dd>
          <dt className="font-medium">Email</dt>
          <dd>{user.email}</dd>
          <dt className="font-medium">Role</dt>
          <dd>{user.role.toLowerCase()}</dd>
        </dl>
        <section
          aria-labelledby="password-heading"
          className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="password-heading" className="text-lg font-semibold">
            Password
          </h2>
          <p className="mt-1 text-slate-700">At least 12 characters; a few unrelated words work well.</p>
          <ChangePasswordForm />
        </section>
        <section
          aria-labelledby="time-zone-heading"
          className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="time-zone-heading" className="text-lg font-semibold">
            Time zone
          </h2>
          <TimeZoneForm own={zone.own} clinic={zone.clinic} zones={TIME_ZONES} />
        </section>
        {mfa ? <TwoStepSection status={mfa} /> : null}
        <section
          aria-labelledby="sessions-heading"
          className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="sessions-heading" className="text-lg font-semibold">
            Signed-in devices
          </h2>
          <p className="mt-1 text-slate-700">
            Lost a phone, or signed in on a shared computer? This signs you out on every device, this one
            included.
          </p>
          <form action={signOutEverywhereAction} className="mt-3">
            <button
              type="submit"
              className="rounded-lg border border-red-300 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
            >
              Sign out everywhere
            </button>
          </form>
        </section>
      </main>
    </>
  );
}

function TwoStepSection({ status }: { status: MfaStatus }) {
  return (
    <section aria-labelledby="mfa-heading" className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="mfa-heading" className="text-lg font-semibold">
        Two-step sign-in
      </h2>
      {status.enabled ? (
        <>
          <p className="mt-1 text-slate-700">
            <strong>On.</strong> After your password, Backcare asks for a code from your authenticator app.
            You have {status.recoveryCodesLeft} unused recovery{" "}
            {status.recoveryCodesLeft === 1 ? "code" : "codes"}.
          </p>
          <h3 className="mt-4 font-semibold">New recovery codes</h3>
          <p className="text-slate-700">
            Replaces all your recovery codes. Enter a code from your app to confirm.
          </p>
          <MfaCodeForm
            id="regenerate"
            action={regenerateRecoveryCodesAction}
            label="Code from your app"
            submitLabel="Make new recovery codes"
            pendingLabel="Making codes…"
            digitsOnly
          />
          {status.clinicRequires ? (
            <p className="mt-4 text-slate-700">Your clinic requires two-step sign-in, so it stays on.</p>
          ) : (
            <>
              <h3 className="mt-4 font-semibold">Turn off</h3>
              <MfaCodeForm
                id="disable"
                action={disableMfaAction}
                label="Code from your app or a recovery code"
                submitLabel="Turn off two-step sign-in"
                pendingLabel="Turning off…"
                tone="danger"
              />
            </>
          )}
        </>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            <strong>Off.</strong> Add a code from an authenticator app to your password, so a stolen password
            alone cannot open your patients&apos; records.
          </p>
          <Link
            href="/account/mfa"
            className="mt-3 inline-block rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            Set up two-step sign-in
          </Link>
        </>
      )}
    </section>
  );
}
