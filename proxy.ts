import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_BODY_MAX_BYTES, bodyHasNul, queryHasNul, readBodyWithin } from "@/lib/request-checks";
import { HSTS, STATIC_SECURITY_HEADERS, contentSecurityPolicy } from "@/lib/security-headers";

// Three jobs, none of them authorization: security headers on every page and route handler, a plain 400 or
// 413 for input nothing could store (a NUL character, an oversized body), and a redirect to /login for
// visitors with no session cookie at all. Every page, action and route handler still authorizes in the data
// access layer, so a request that slips past this is refused there.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = /^\/(clinician|patient|account|admin|mfa)(\/|$)/;
// Patients' pages post check-ins and session logs, which may carry a red flag: a NUL in a note must not lose
// it, so their bodies' NULs are left to the action wrapper, which takes them out (lib/actions/action.ts).
const PATIENT_AREA = /^\/patient(\/|$)/;
const production = env.NODE_ENV === "production";

const refuse = (status: 400 | 413, text: string) =>
  new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A NUL character in the query string or in any field of a form (a server action's, or one posted to a route
 * handler), and a body over the limit, are answered here: PostgreSQL refuses a NUL in text, and Next would
 * answer an oversized server action with a 500. The body is read from a clone, up to the limit plus one
 * byte; next.config.ts lets this proxy see twice the limit, so that an oversized body is always seen as one.
 */
async function refuseHostileInput(request: NextRequest): Promise<NextResponse | null> {
  const nul = refuse(400, "Bad request: a NUL character (%00) is not allowed in a query or a form field.");
  if (queryHasNul(request.nextUrl.searchParams)) return nul;
  if (request.body === null) return null;
  const tooLarge = refuse(
    413,
    `Request too large: a request body may be at most ${REQUEST_BODY_MAX_BYTES / 1024} kB.`,
  );
  if (Number(request.headers.get("content-length") ?? 0) > REQUEST_BODY_MAX_BYTES) return tooLarge;
  const body = await readBodyWithin(request.clone().body!, REQUEST_BODY_MAX_BYTES);
  if (body === "too large") return tooLarge;
  if (PATIENT_AREA.test(request.nextUrl.pathname)) return null;
  return (await bodyHasNul(body, request.headers.get("content-type") ?? "")) ? nul : null;
}

export async function proxy(request: NextRequest) {
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
    (await refuseHostileInput(request)) ??
    (SIGNED_IN_AREAS.test(pathname) && !hasSession
      ? NextResponse.redirect(new URL("/login", request.url))
      : NextResponse.next({ request: { headers: requestHeaders } }));

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
