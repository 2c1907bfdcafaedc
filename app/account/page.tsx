import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import { ChangePasswordForm } from "@/components/change-password-form";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { homeFor, requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <AppHeader
        name={user.name}
        home={homeFor(user.role)}
        links={[{ href: homeFor(user.role), label: "Home" }]}
      />
      <main className="mx-auto max-w-3xl px-4 py-8">
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
