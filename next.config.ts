import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and forbidden.tsx: a patient asking for a clinician page is told so with a 403.
  experimental: { authInterrupts: true },
};

export default nextConfig;
