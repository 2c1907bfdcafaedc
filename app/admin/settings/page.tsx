import type { Metadata } from "next";
import { ClinicSettingsForm } from "@/components/clinic-settings-form";
import { clinicSettings } from "@/lib/dal/admin";
import { requireAdmin } from "@/lib/dal/session";
import { TIME_ZONES } from "@/lib/time";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  const admin = await requireAdmin();
  const settings = await clinicSettings(admin);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Clinic settings</h1>
      <p className="mt-1 text-slate-700">
        How the clinic is named and reached, the number patients are told to call after a red flag, and the
        time zone its dates and times are shown in. Every change is in the audit trail.
      </p>
      <ClinicSettingsForm settings={settings} timeZones={TIME_ZONES} />
    </main>
  );
}
