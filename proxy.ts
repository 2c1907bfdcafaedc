import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { HSTS, STATIC_SECURITY_HEADERS, contentSecurityPolicy } from "@/lib/security-headers";

// Two jobs, neither of them authorization: security headers on every page and route handler, and a
// redirect to /login for visitors with no session cookie at all. Every page, action and route handler
// still authorizes in the data access layer, so a request that slips past this is refused there.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = /^\/(clinician|patient|account|admin|mfa)(\/|$)/;
const production = env.NODE_ENV === "production";

export function proxy(request: NextRequest) {
  // The end-to-end test that runs the authorization checks against a server where this file does nothing
  // (e2e/proxy-off.spec.ts); lib/env.ts refuses the switch under NODE_ENV=production.
  if (env.BACKCARE_PROXY === "off") return NextResponse.next();
  const { pathname } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, !production);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response =
    SIGNED_IN_AREAS.test(pathname) && !hasSession
      ? NextResponse.redirect(new URL("/login", request.url))
      : NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (production) response.headers.set("Strict-Transport-Security", HSTS);
  // Every page may hold health data: never stored by the browser or a shared cache.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
