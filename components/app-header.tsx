import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";

export function AppHeader({
  name,
  home,
  links = [],
}: {
  name: string;
  home: string;
  links?: { href: string; label: string }[];
}) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        {/* The header's links, like those of the two home pages and the triage list, are not prefetched: every
            page is dynamic and has no loading.tsx, so a prefetch brings back little more than the route tree,
            yet each visible link costs a request and main-thread work while the page loads (bench P7:
            /clinician made 27 requests, 14 of them prefetches, and its median TBT fell from 588 to 412 ms). */}
        <Link href={home} prefetch={false} className="text-lg font-semibold text-brand-700">
          Backcare
        </Link>
        {/* Below 640 px the links take a line of their own, spread across it, and never wrap: five patient
            links fit one line at 375 px (e2e/patient-record.spec.ts). */}
        <nav
          aria-label="Main"
          className="order-last flex w-full justify-between gap-3 text-sm sm:order-none sm:w-auto sm:justify-start sm:gap-4"
        >
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              prefetch={false}
              className="whitespace-nowrap py-1 text-slate-700 hover:text-brand-700"
            >
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600">{name}</span>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
