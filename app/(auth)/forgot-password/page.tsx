import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/forgot-password-form";
import { NO_EMAIL_RESET } from "@/lib/dal/password-resets";
import { emailConfigured } from "@/lib/email";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="outline-none mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-12"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Backcare</p>
      <h1 className="mt-1 text-2xl font-semibold">Forgot your password?</h1>
      {emailConfigured() ? (
        <ForgotPasswordForm />
      ) : (
        <>
          <p className="mt-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-slate-800">
            {NO_EMAIL_RESET}
          </p>
          <Link href="/login" className="mt-6 font-medium text-brand-700 underline">
            Back to sign in
          </Link>
        </>
      )}
    </main>
  );
}
