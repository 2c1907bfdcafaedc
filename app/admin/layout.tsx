import { AppHeader } from "@/components/app-header";
import { requireAdmin } from "@/lib/dal/session";

// Not an authorization check (layouts do not re-run on navigation): every page checks again.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  return (
    <>
      <AppHeader
        name={user.name}
        home="/admin"
        links={[
          { href: "/admin", label: "Clinic" },
          { href: "/admin/staff", label: "Staff" },
          { href: "/admin/settings", label: "Settings" },
          { href: "/admin/audit", label: "Audit trail" },
          { href: "/account", label: "Account" },
        ]}
      />
      <div id="main-content" tabIndex={-1} className="outline-none">
        {children}
      </div>
    </>
  );
}
