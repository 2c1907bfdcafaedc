import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { currentUser, landingFor } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  const user = await currentUser();
  if (user) redirect(landingFor(user));
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="outline-none mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-12"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Backcare</p>
      <h1 className="mt-1 text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-slate-600">Exercise plans for lower back pain, from your physiotherapist.</p>
      <LoginForm />
      <p className="mt-6 text-center">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgot password?
        </Link>
      </p>
    </main>
  );
}
