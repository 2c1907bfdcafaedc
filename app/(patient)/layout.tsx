import { AppHeader } from "@/components/app-header";
import { requirePatient } from "@/lib/dal/session";

// Not an authorization check (layouts do not re-run on navigation): every page checks again.
export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePatient();
  return (
    <>
      <AppHeader
        name={user.name}
        home="/patient"
        links={[
          { href: "/patient", label: "Today" },
          { href: "/patient/check-in", label: "Check in" },
          { href: "/patient/log", label: "Log session" },
          { href: "/patient/progress", label: "Progress" },
          { href: "/account", label: "Account" },
        ]}
      />
      <div id="main-content" tabIndex={-1} className="outline-none">
        {children}
      </div>
    </>
  );
}
