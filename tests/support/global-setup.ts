import type { TestProject } from "vitest/node";
import {
  assertLocalDatabase,
  migrate,
  recreateDatabase,
  seed,
  startEmbeddedPostgres,
  type Database,
} from "../../scripts/lib/postgres";

// Integration tests run against a real PostgreSQL: embedded by default (its own data folder and port, so it
// never touches the development database), or TEST_DATABASE_URL. Either way the run starts from a freshly
// created database with the migrations applied and the demo data loaded.
let database: Database | null = null;

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    database = await startEmbeddedPostgres({
      // Another folder and port (TEST_PG_DATA_DIR, TEST_PG_PORT) let two runs share a machine.
      dataDir: process.env.TEST_PG_DATA_DIR ?? ".data/test-postgres",
      port: Number(process.env.TEST_PG_PORT ?? 54331),
      database: "backcare_test",
      quiet: true,
    });
    url = database.url;
  }
  assertLocalDatabase(url);
  // The self-check's one test needs the server, not the schema (tests/self-check/README.md).
  if (process.env.BACKCARE_SELF_CHECK === "1") return stopWith(project, url);
  await recreateDatabase(url);
  await migrate(url);
  await seed(url);
  return stopWith(project, url);
}

function stopWith(project: TestProject, url: string) {
  project.provide("databaseUrl", url);
  return async () => {
    await database?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
