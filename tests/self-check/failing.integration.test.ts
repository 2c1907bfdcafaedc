import pg from "pg";
import { expect, inject, test } from "vitest";

// Fails on purpose, after a real query on the embedded PostgreSQL the integration step starts: see
// tests/self-check/README.md.
test("self-check: a failing integration test", async () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>("select 1 as one");
    expect(rows[0]?.one).toBe(2);
  } finally {
    await client.end();
  }
});
