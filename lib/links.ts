import "server-only";
import { env } from "@/lib/env";

const DEVELOPMENT_URL = "http://localhost:3000";

/**
 * An absolute link into the app, on the configured public address (APP_URL, else AUTH_URL). Request headers
 * never decide it: a forged Host or X-Forwarded-Host would otherwise put an attacker's host into an e-mailed
 * invitation or reset link. Outside production an unset address means a local development server.
 */
export function appLink(path: `/${string}`): string {
  return new URL(path, env.APP_URL ?? env.AUTH_URL ?? DEVELOPMENT_URL).toString();
}
