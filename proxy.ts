import { NextResponse, type NextRequest } from "next/server";

// A convenience, not a check: visitors with no session cookie at all go straight to /login. Every page,
// action and route handler still authorizes in the data access layer, so a request that slips past this
// (a forged cookie, an unmatched path) is refused there.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/clinician/:path*", "/patient/:path*", "/account"] };
