import { defineConfig } from "vitest/config";
import { alias } from "./vitest.config";

// The unit tests of the code that `npm run test:mutation` mutates (see stryker.config.mjs): no database, no
// other project's files, so that Stryker's sandbox holds only what these tests need.
export default defineConfig({
  resolve: { alias },
  test: {
    include: ["lib/domain/**/*.test.ts", "lib/auth/**/*.test.ts"],
    environment: "node",
    // scrypt at OWASP's cost takes a second or more while two Stryker workers share the machine.
    testTimeout: 30_000,
  },
});
