import { test as base } from "@playwright/test";
import { openDatabase, type Database } from "./support/database";
import { People } from "./support/people";

// Each test makes the clinic and people it needs (`people`), on the suite's database (`db`), in the spirit
// of cal.com's `users` fixture. See e2e/support/people.ts. The fixtures' second parameter is Playwright's
// `use`, named `provide` so that the React hooks lint rule does not take it for a hook.
export const test = base.extend<{ people: People }, { db: Database }>({
  db: [
    async ({}, provide) => {
      const db = openDatabase();
      await provide(db);
      await db.end();
    },
    { scope: "worker" },
  ],
  people: async ({ db }, provide, testInfo) => {
    await provide(new People(db, testInfo.workerIndex));
  },
});

export { expect } from "@playwright/test";
export { rows } from "./support/database";
export { codeFor } from "./support/authenticator";
export type { Patient, Person } from "./support/people";
export { signIn, signInAs, watchAlerts } from "./support/sign-in";
