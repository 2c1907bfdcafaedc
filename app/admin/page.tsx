import type { Metadata } from "next";
import Link from "next/link";
import { ClinicMfaForm } from "@/components/clinic-mfa-form";
import { ScrollingTable } from "@/components/scrolling-table";
import { clinicOverview } from "@/lib/dal/admin";
import { requireAdmin, timeZoneOf } from "@/lib/dal/session";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Clinic" };

export default async function AdminPage() {
  const admin = await requireAdmin();
  const clinic = await clinicOverview(admin);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{clinic.name}</h1>
      <p className="mt-1 text-slate-700">
        Who works here and how they sign in. Every sign-in, record read and change is in the{" "}
        <Link href="/admin/audit" className="font-medium text-brand-700 underline">
          audit trail
        </Link>
        .
      </p>
      <section
        aria-labelledby="security-heading"
        className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="security-heading" className="text-lg font-semibold">
          Sign-in rules
        </h2>
        <ClinicMfaForm required={clinic.mfaRequired} />
      </section>
      <section
        aria-labelledby="safety-heading"
        className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="safety-heading" className="text-lg font-semibold">
          Red-flag advice
        </h2>
        <p className="mt-2 text-slate-700">
          Patients paused by a red flag are told to call <strong>{clinic.emergencyNumber}</strong>. Change it,
          and the clinic&apos;s name, address, phone and time zone, in the{" "}
          <Link href="/admin/settings" className="font-medium text-brand-700 underline">
            clinic settings
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="staff-heading" className="mt-8">
        <h2 id="staff-heading" className="text-lg font-semibold">
          Staff
        </h2>
        <p className="mt-1 text-slate-700">
          <Link href="/admin/staff" className="font-medium text-brand-700 underline">
            Invite, deactivate or reactivate staff
          </Link>
          , and reassign a clinician&apos;s patients.
        </p>
        <ScrollingTable
          label="Staff table"
          columns={["Name", "Email", "Role", "Two-step sign-in", "Last sign-in (UTC)"]}
        >
          {clinic.users.map((user) => (
            <tr key={user.id} className="border-t border-slate-200">
              <td className="px-3 py-2 font-medium">
                {user.name}
                {user.disabledAt ? <span className="ml-2 text-slate-600">(deactivated)</span> : null}
              </td>
              <td className="px-3 py-2">{user.email}</td>
              <td className="px-3 py-2">{user.role.toLowerCase()}</td>
              <td className="px-3 py-2">
                {user.totpEnabledAt ? "On" : clinic.mfaRequired ? "Not set up yet (required)" : "Off"}
              </td>
              <td className="px-3 py-2">
                {user.lastLoginAt ? formatDate(user.lastLoginAt, timeZoneOf(admin)) : "Never"}
              </td>
            </tr>
          ))}
        </ScrollingTable>
      </section>
    </main>
  );
}
