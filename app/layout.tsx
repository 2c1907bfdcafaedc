import type { Metadata, Viewport } from "next";
import { SkipLink } from "@/components/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Backcare", template: "%s · Backcare" },
  description: "Exercise plans for lower back pain, with guardrails and red-flag alerts.",
};

// Every page is rendered per request, so each gets the CSP nonce of its own request (see proxy.ts).
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f6f6a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <SkipLink />
        {children}
      </body>
    </html>
  );
}
