// Node options for every production server of the app: `npm start` (package.json sets the same flag, and a
// unit test keeps the two equal), the end-to-end server (scripts/serve.ts start) and the servers the bench
// times. Rendering a page allocates many short-lived objects; with V8's default young generation they
// outgrow it and are promoted to the old one, which then needs full collections. A semi-space of 32 MiB
// (96 MiB of young generation) raised /patient from 47–56 to 61–67 requests/s in the bench's P3 case, on
// the same build and database; see README, Performance.
export const SERVER_NODE_OPTIONS = "--max-semi-space-size=32";

/** NODE_OPTIONS for a server process: ours first, then whatever the caller already set. */
export function serverNodeOptions(existing = process.env.NODE_OPTIONS): string {
  return [SERVER_NODE_OPTIONS, existing?.trim()].filter(Boolean).join(" ");
}
