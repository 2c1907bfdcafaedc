import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { serverNodeOptions } from "../../scripts/lib/server-options";
import { POOL_SIZE, PORTS, RATE_LIMIT_MULTIPLIER } from "./profile";
import { start, stop } from "./processes";

export const LOG_DIR = ".data/bench";

export type AppServer = { baseUrl: string; stop: () => Promise<void> };

/**
 * The environment the app runs with (lib/env.ts reads it), for the app's server and bench/dal-server.ts, with
 * the Node options of `npm start`.
 */
export function appEnvironment(databaseUrl: string, authSecret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: serverNodeOptions(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    APP_URL: `http://127.0.0.1:${PORTS.app}`,
    RATE_LIMIT_MULTIPLIER: String(RATE_LIMIT_MULTIPLIER),
  };
}

/** Starts one of the bench's own small servers with tsx and waits until it says it is listening. */
export async function startHelper(script: string, args: string[], env: NodeJS.ProcessEnv, port: number) {
  if (await listening(port)) throw new Error(`Port ${port} is taken: stop whatever listens there first.`);
  const child = start(path.resolve("node_modules/.bin/tsx"), [script, ...args, String(port)], { env });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk;
      if (output.includes("listening")) resolve();
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`${script} exited ${code}:\n${output.slice(-2000)}`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => stop(child) };
}

/**
 * The production server (scripts/server.mjs) on the bench database, as `scripts/serve.ts start` runs it, with every
 * rate limit raised (see profile.ts). With `countQueries`, Prisma's query events are counted for P5 by a
 * preload (query-counter.cjs) that answers on a Unix socket; the servers that are timed run without it.
 * The server's output goes to .data/bench/<name>.log.
 */
export async function startApp(opts: {
  databaseUrl: string;
  authSecret: string;
  name: string;
  countQueries?: string;
}): Promise<AppServer> {
  if (await listening(PORTS.app))
    throw new Error(`Port ${PORTS.app} is taken: stop whatever listens there first.`);
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${opts.name}.log`);
  const env = appEnvironment(opts.databaseUrl, opts.authSecret);
  if (opts.countQueries) {
    env.BENCH_QUERY_SOCKET = opts.countQueries;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS} --require ${path.resolve("bench/lib/query-counter.cjs")}`;
  }
  const child = start(process.execPath, ["scripts/server.mjs", "--port", String(PORTS.app)], { env });
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${PORTS.app}`;
  await waitUntilHealthy(baseUrl, child, logFile);
  return { baseUrl, stop: () => stop(child) };
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app's server exited ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app's server did not answer /api/health within 60 s; see ${logFile}`);
}

/** True when something already accepts connections on the port (a server left over from another run). */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
