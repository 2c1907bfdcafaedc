import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Backcare", template: "%s · Backcare" },
  description: "Exercise plans for lower back pain, with guardrails and red-flag alerts.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f6f6a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
