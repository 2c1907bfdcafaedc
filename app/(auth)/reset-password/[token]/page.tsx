import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { isTokenShaped } from "@/lib/auth/one-time-token";
import { findPasswordReset, passwordResetRefusal } from "@/lib/dal/password-resets";

// The token is in the path: no Referer may carry it to another site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = isTokenShaped(token) ? await findPasswordReset(token) : ({ state: "unknown" } as const);
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="outline-none mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-12"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Backcare</p>
      {reset.state === "valid" ? (
        <>
          <h1 className="mt-1 text-2xl font-semibold">Choose a new password</h1>
          <p className="mt-2 text-slate-600">
            Your old password stops working, and you are signed out on every device.
          </p>
          <ResetPasswordForm token={token} email={reset.email} />
        </>
      ) : (
        <>
          <h1 className="mt-1 text-2xl font-semibold">This link cannot be used</h1>
          <p
            role="alert"
            aria-label="Reset link refused"
            className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-900"
          >
            {passwordResetRefusal(reset.state)}
          </p>
          <div className="mt-6 flex flex-wrap gap-x-6 gap-y-3">
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              Ask for a new link
            </Link>
            <Link href="/login" className="font-medium text-brand-700 underline">
              Go to sign in
            </Link>
          </div>
        </>
      )}
    </main>
  );
}
