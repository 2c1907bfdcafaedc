import { CLIENT_ADDRESS_HEADER } from "@/scripts/lib/client-address.mjs";

const SET_BY_SERVER = Symbol.for("backcare.clientAddressHeader");

// Set by withClientAddress (scripts/lib/client-address.mjs) in the process that serves the app. Under a bare
// `next start` the header would be the client's to write.
/**
 * The client's address for per-address limits: what scripts/server.mjs recorded from the connection and
 * TRUSTED_PROXY_HOPS. A server started any other way (a bare `next start`, `next dev`) cannot tell, and every
 * request counts as one "unknown" client: stricter, never spoofable.
 */
export function clientAddress(headers: Headers): string {
  const trusted = (globalThis as Record<symbol, unknown>)[SET_BY_SERVER] === true;
  return (trusted && headers.get(CLIENT_ADDRESS_HEADER)) || "unknown";
}
