import type { NextConfig } from "next";
import { REQUEST_BODY_MAX_BYTES } from "./lib/request-checks";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() and forbidden.tsx: a patient asking for a clinician page is told so with a 403.
    authInterrupts: true,
    // proxy.ts answers 413 past the limit; Next's own server-action limit is the same number, and the proxy
    // sees up to twice it, so that an oversized body always reaches it as one (Next cuts the proxy's copy).
    serverActions: { bodySizeLimit: REQUEST_BODY_MAX_BYTES },
    proxyClientMaxBodySize: 2 * REQUEST_BODY_MAX_BYTES,
  },
};

export default nextConfig;
