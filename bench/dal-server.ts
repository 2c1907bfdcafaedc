// P4's data-access figure: the session log's data access code (the session check, zod, the rate limiter,
// the idempotent transaction, the outbox relay) behind a plain Node HTTP server like D's, so that what the
// data access costs can be told apart from what Next.js costs around it. It runs what the log form's action
// (lib/actions/session-log.ts) runs, minus revalidatePath and the redirect, which need Next.js.
//
//   tsx bench/dal-server.ts <port>      (DATABASE_URL, AUTH_SECRET and the pool size from the environment)
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import { register } from "node:module";

register("./lib/dal-hooks.mjs", import.meta.url);
const REQUEST_COOKIE = Symbol.for("backcare.bench.requestCookie");
const requestCookie = new AsyncLocalStorage<string>();
(globalThis as Record<symbol, unknown>)[REQUEST_COOKIE] = requestCookie;

// Imported after the hooks are registered, so that they resolve through them.
const { requirePatient } = await import("../lib/dal/session");
const { LIMITS, enforce } = await import("../lib/dal/rate-limit");
const { logSession } = await import("../lib/dal/session-logs");
const { DomainError } = await import("../lib/domain/errors");
const { env } = await import("../lib/env");
const { realtimeHub } = await import("../lib/realtime/hub");
const { sessionLogInputSchema } = await import("../lib/validation/session-log");

/** The log form's action handler, as lib/actions/session-log.ts and lib/actions/action.ts run it. */
async function saveSession(fields: unknown): Promise<[number, unknown]> {
  const user = await requirePatient();
  const parsed = sessionLogInputSchema.safeParse(fields);
  if (!parsed.success) return [422, { message: "Some answers need another look." }];
  try {
    await enforce(`session-log:${user.patientId}`, LIMITS.sessionLogPerPatient, "session logs");
    const { sessionLogId } = await logSession(user, parsed.data);
    void realtimeHub(env.DATABASE_URL).kick();
    return [200, { sessionLogId }];
  } catch (error) {
    if (error instanceof DomainError) return [409, { message: error.message }];
    throw error;
  }
}

const port = Number(process.argv[2]);
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const fields: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    requestCookie
      .run(request.headers.cookie ?? "", () => saveSession(fields))
      .catch((error: { digest?: string }) => {
        // notFound(), forbidden() and redirect() throw errors whose digest names the status.
        const digest = typeof error?.digest === "string" ? error.digest : null;
        if (digest) return [digest.includes(";403") ? 403 : digest.includes(";404") ? 404 : 401, {}] as const;
        console.error(error);
        return [500, {}] as const;
      })
      .then(([status, body]) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      });
  });
});

server.listen(port, "127.0.0.1", () => console.log(`data access server listening on ${port}`));
const close = () => server.close(() => process.exit(0));
process.on("SIGTERM", close);
process.on("SIGINT", close);
