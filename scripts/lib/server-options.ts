// Node options for every production server of the app: `npm start` (package.json sets the same flag, and a
// unit test keeps the two equal), the end-to-end server (scripts/serve.ts start) and the servers the bench
// times. A render allocates many short-lived objects; a larger young generation lets more of them die young
// and be collected cheaply. A semi-space of 32 MiB (96 MiB of young generation) raised the median of seven
// side-by-side measurements of the bench's P3 load from 51 to 63 requests/s; see README, Performance.
export const SERVER_NODE_OPTIONS = "--max-semi-space-size=32";

/** NODE_OPTIONS for a server process: ours first, then whatever the caller already set. */
export function serverNodeOptions(existing = process.env.NODE_OPTIONS): string {
  return [SERVER_NODE_OPTIONS, existing?.trim()].filter(Boolean).join(" ");
}
