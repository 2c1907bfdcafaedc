import { AppHeader } from "@/components/app-header";
import { requireClinician } from "@/lib/dal/session";

// Not an authorization check (layouts do not re-run on navigation): every page checks again.
export default async function ClinicianLayout({ children }: { children: React.ReactNode }) {
  const user = await requireClinician();
  return (
    <>
      <AppHeader
        name={user.name}
        home="/clinician"
        links={[
          { href: "/clinician", label: "Patients" },
          { href: "/clinician/exercises", label: "Exercises" },
          { href: "/clinician/templates", label: "Templates" },
          { href: "/account", label: "Account" },
        ]}
      />
      <div id="main-content" tabIndex={-1} className="outline-none">
        {children}
      </div>
    </>
  );
}
