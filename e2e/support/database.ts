import { readFileSync } from "node:fs";
import pg from "pg";

// The suite's database and secret, as playwright.config.ts sets them for the server it starts. Against a
// server of your own (E2E_BASE_URL), set E2E_DATABASE_URL (a role that owns the tables) and E2E_AUTH_SECRET.

/** The owner URL of the database the server under test uses. */
export function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: playwright.config.ts sets it for its own server.");
  return url;
}

/** The server's AUTH_SECRET: authenticator secrets are sealed with a key derived from it. */
export function authSecret(): string {
  // scripts/serve.ts takes AUTH_SECRET from its environment, or else writes .data/auth-secret when it starts,
  // so the file is read here, lazily, not when the config loads.
  return (
    process.env.E2E_AUTH_SECRET ?? process.env.AUTH_SECRET ?? readFileSync(".data/auth-secret", "utf8").trim()
  );
}

export type Database = pg.Pool;

export function openDatabase(): Database {
  return new pg.Pool({ connectionString: databaseUrl(), max: 2 });
}

/** The rows of a query, typed by the caller. */
export async function rows<Row extends pg.QueryResultRow>(
  db: Database,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  return (await db.query<Row>(sql, values)).rows;
}
