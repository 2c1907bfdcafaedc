import type { Metadata } from "next";
import { ScrollingTable } from "@/components/scrolling-table";
import { InviteStaffForm, ReassignAllForm, StaffStatusButton } from "@/components/staff-forms";
import { clinicStaff } from "@/lib/dal/staff";
import { requireAdmin, timeZoneOf } from "@/lib/dal/session";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const admin = await requireAdmin();
  const { staff, mfaRequired } = await clinicStaff(admin);
  const clinicians = staff
    .filter((person) => person.role === "CLINICIAN")
    .map((person) => ({
      id: person.id,
      name: person.name,
      active: person.disabledAt === null,
      patients: person.patients,
    }));
  const withPatients = clinicians.some((clinician) => clinician.patients > 0);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Staff</h1>
      <p className="mt-1 text-slate-700">
        Invite clinicians and admins, and deactivate anyone who leaves: they are signed out everywhere at
        once. A clinician&apos;s patients are reassigned before they can be deactivated.
      </p>
      <section aria-labelledby="staff-list-heading" className="mt-8">
        <h2 id="staff-list-heading" className="text-lg font-semibold">
          Clinicians and admins
        </h2>
        <ScrollingTable
          label="Staff"
          columns={[
            "Name",
            "Email",
            "Role",
            "Status",
            "Two-step sign-in",
            "Patients",
            "Last sign-in",
            "Access",
          ]}
        >
          {staff.map((person) => (
            <tr key={person.id} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 font-medium">{person.name}</td>
              <td className="px-3 py-2">{person.email}</td>
              <td className="px-3 py-2">{person.role.toLowerCase()}</td>
              <td className="px-3 py-2">
                {person.disabledAt ? "Deactivated" : person.invitationPending ? "Invited" : "Active"}
              </td>
              <td className="px-3 py-2">
                {person.totpEnabledAt ? "On" : mfaRequired ? "Not set up yet (required)" : "Off"}
              </td>
              <td className="px-3 py-2">{person.role === "CLINICIAN" ? person.patients : ""}</td>
              <td className="px-3 py-2">
                {person.lastLoginAt ? formatDate(person.lastLoginAt, timeZoneOf(admin)) : "Never"}
              </td>
              <td className="px-3 py-2">
                {person.id === admin.id ? (
                  <span className="text-slate-600">You</span>
                ) : (
                  <StaffStatusButton
                    userId={person.id}
                    name={person.name}
                    active={person.disabledAt === null}
                  />
                )}
              </td>
            </tr>
          ))}
        </ScrollingTable>
      </section>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="invite-heading" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite a clinician or admin
          </h2>
          <InviteStaffForm />
        </section>
        <section
          aria-labelledby="reassign-heading"
          className="rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="reassign-heading" className="text-lg font-semibold">
            Reassign all of a clinician&apos;s patients
          </h2>
          {withPatients ? (
            <ReassignAllForm clinicians={clinicians} />
          ) : (
            <p className="mt-3 text-slate-700">No clinician has patients yet.</p>
          )}
        </section>
      </div>
    </main>
  );
}
