import { rmSync } from "node:fs";
import pg from "pg";
import { applicationUrl, migrate, seed, startEmbeddedPostgres } from "../../scripts/lib/postgres";
import { DATA_DIR, PORTS } from "./profile";
import { run } from "./processes";
import { seedBenchClinics } from "./seed-clinics";

export type BenchDatabase = {
  /** The schema owner: migrations, seeding and the bench's own checks. */
  ownerUrl: string;
  /** The login role the app runs as (a member of backcare_app), as `scripts/serve.ts` sets it up. */
  appUrl: string;
  stop: () => Promise<void>;
};

/**
 * A fresh embedded PostgreSQL with the migrations, the demo data, `npm run seed:large` (1,000 patients,
 * 200,000 session logs) and two small clinics of 10 and 100 patients for P5. Fresh on every run: P4 and P6
 * write thousands of rows, and each run must start from the same data.
 */
export async function prepareDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({
    dataDir: DATA_DIR,
    port: PORTS.postgres,
    database: "backcare",
    quiet: true,
  });
  try {
    const url = database.url;
    log("Applying migrations and loading the demo data…");
    await migrate(url);
    await seed(url);
    log("Loading the large clinic (npm run seed:large)…");
    await run("npm", ["run", "seed:large"], { env: { ...process.env, DATABASE_URL: url } });
    await seedBenchClinics(url, [10, 100]);
    await withClient(url, (client) => client.query("analyze"));
    return { ownerUrl: url, appUrl: await applicationUrl(url), stop: database.stop };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
