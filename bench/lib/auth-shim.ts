// Stands in for lib/auth (next-auth) inside bench/dal-server.ts: `auth()` decodes the request's session
// cookie with next-auth's own JWT decoder and secret, and returns what next-auth's session callback would
// (the claims, which lib/dal/session.ts parses and checks against the database as it always does).
import type { AsyncLocalStorage } from "node:async_hooks";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

const COOKIE = "authjs.session-token";
/** Where bench/dal-server.ts keeps each request's Cookie header (a global: this module is loaded by path). */
export const REQUEST_COOKIE = Symbol.for("backcare.bench.requestCookie");

export async function auth() {
  const store = (globalThis as Record<symbol, unknown>)[REQUEST_COOKIE] as AsyncLocalStorage<string>;
  const header = store.getStore() ?? "";
  const token = header
    .split(/;\s*/)
    .find((pair) => pair.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!token) return null;
  const claims = await decode({ token, secret: env.AUTH_SECRET, salt: COOKIE });
  return claims ? { user: claims } : null;
}
