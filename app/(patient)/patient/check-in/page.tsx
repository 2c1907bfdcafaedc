import type { Metadata } from "next";
import { CheckInForm } from "@/components/check-in-form";
import { Disclaimer } from "@/components/session-guidance";
import { requirePatient } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Safety check-in" };

export default async function CheckInPage() {
  await requirePatient();
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Safety check-in</h1>
      <p className="mt-1 text-slate-600">Before every session, check that it is safe to exercise today.</p>
      <CheckInForm />
      <div className="mt-8">
        <Disclaimer />
      </div>
    </main>
  );
}
