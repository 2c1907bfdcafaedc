import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import { homeFor, requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <AppHeader name={user.name} home={homeFor(user.role)} />
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
      </main>
    </>
  );
}
