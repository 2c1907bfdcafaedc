// The app's HTTP server: `npm start` (production) and the end-to-end server. It is Next.js's own request
// handler behind one step that Next.js cannot do itself: record the client's address from the connection
// (and, behind TRUSTED_PROXY_HOPS trusted proxies, from their X-Forwarded-For entries) in a header that the
// client cannot set, because this server overwrites it on every request. Sign-in limits per address count
// that header (lib/client-address.ts), so rotating X-Forwarded-For no longer dodges them.
//
//   node scripts/server.mjs [--port 3000] [--hostname 0.0.0.0]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { withClientAddress } from "./lib/client-address.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", short: "H", default: process.env.HOSTNAME ?? "0.0.0.0" },
  },
});
const port = Number(values.port);
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? "0");
if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
  console.error("TRUSTED_PROXY_HOPS must be a whole number from 0 to 10");
  process.exit(1);
}

const app = next({ dev: false, hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(withClientAddress(handle, hops));
server.listen(port, values.hostname, () => {
  console.log(`Backcare listening on http://${values.hostname}:${port}`);
});

// Stop taking connections and let Next.js finish what it is doing, as `next start` does.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections?.();
    void app.close().finally(() => process.exit(0));
  });
}
