import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MfaCodeForm } from "@/components/mfa-forms";
import { signOutAction } from "@/lib/actions/auth";
import { verifyMfaAction } from "@/lib/actions/mfa";
import { landingFor, requireSignedIn } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Two-step sign-in" };

export default async function MfaPage() {
  const user = await requireSignedIn();
  if (user.mfa !== "code-needed") redirect(landingFor(user));
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="outline-none mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-12"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Backcare</p>
      <h1 className="mt-1 text-2xl font-semibold">Two-step sign-in</h1>
      <p className="mt-2 text-slate-700">
        Hello {user.name}. Open your authenticator app and enter the code it shows for Backcare.
      </p>
      <MfaCodeForm
        id="verify"
        action={verifyMfaAction}
        label="Code"
        hint="6 digits from the app, or one of your recovery codes if you lost your phone."
        submitLabel="Continue"
        pendingLabel="Checking…"
      />
      <form action={signOutAction} className="mt-6">
        <button type="submit" className="text-sm font-medium text-slate-700 underline hover:text-brand-700">
          Not you? Sign out
        </button>
      </form>
    </main>
  );
}
