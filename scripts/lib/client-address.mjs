// Who sent a request, as the app's rate limits count it. Plain JavaScript because scripts/server.mjs, which
// runs before anything is compiled, uses it; scripts/lib/client-address.d.mts types it for the TypeScript side.

/** The request header that carries the client's address from scripts/server.mjs to the app. */
export const CLIENT_ADDRESS_HEADER = "x-backcare-client-address";

/**
 * The client's address: the connection's own address when no proxy is trusted (`hops` 0), otherwise the entry
 * that the outermost trusted proxy appended to X-Forwarded-For. Every proxy appends the address it received
 * the request from, so entries further left were written by someone not trusted, perhaps the client itself.
 *
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {string | undefined} socketAddress the address of the connection the request arrived on
 * @param {number} hops how many proxies in front of the app append to X-Forwarded-For
 * @returns {string}
 */
export function pickClientAddress(forwardedFor, socketAddress, hops) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    socketAddress || "unknown",
  ];
  // Fewer entries than trusted hops: the request skipped a proxy; the leftmost is the best there is.
  return normalise(chain[Math.max(chain.length - 1 - hops, 0)]);
}

/** IPv4 addresses arrive as "::ffff:203.0.113.7" on dual-stack sockets; count them as "203.0.113.7". */
function normalise(address = "unknown") {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * Tells the app, in this process, that CLIENT_ADDRESS_HEADER was written by the server and not the client
 * (lib/client-address.ts). Only a process whose every request passes through withClientAddress may say so.
 */
export function trustClientAddressHeader() {
  globalThis[Symbol.for("backcare.clientAddressHeader")] = true;
}

/**
 * Wraps a Node.js request listener so that every request carries its client's address in
 * CLIENT_ADDRESS_HEADER, overwriting whatever the client sent under that name, and tells the app (in this
 * process) that the header can be trusted.
 *
 * @template {import("node:http").IncomingMessage} Request
 * @template {import("node:http").ServerResponse} Response
 * @param {(request: Request, response: Response) => unknown} listener
 * @param {number} hops how many proxies in front of the app append to X-Forwarded-For
 * @returns {(request: Request, response: Response) => void}
 */
export function withClientAddress(listener, hops) {
  trustClientAddressHeader();
  return (request, response) => {
    request.headers[CLIENT_ADDRESS_HEADER] = pickClientAddress(
      request.headers["x-forwarded-for"],
      request.socket.remoteAddress,
      hops,
    );
    void listener(request, response);
  };
}
