// Mutation testing of the pure clinical and security rules: `npm run test:mutation`.
// Only the unit tests run (vitest.mutation.config.ts), so no database is needed. Reports go to reports/.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "lib/domain/**/*.ts",
    "!lib/domain/**/*.test.ts",
    // Pure security rules: no Prisma, no Next.
    "lib/auth/password-policy.ts",
    "lib/auth/password.ts",
    "lib/auth/totp.ts",
    "lib/auth/recovery-codes.ts",
    "lib/auth/secret-box.ts",
    "lib/auth/claims.ts",
  ],
  // The sandbox copies only what the unit tests above import, not the app, e2e or the embedded database.
  ignorePatterns: [
    "/*",
    "!/lib",
    "/lib/dal",
    "!/prisma",
    "/prisma/migrations",
    "!/tests",
    "/tests/*",
    "!/tests/support",
    "!/package.json",
    "!/tsconfig.json",
    "!/vitest.config.ts",
    "!/vitest.mutation.config.ts",
  ],
  tempDirName: "reports/.stryker-tmp",
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 95, low: 90, break: 90 },
};

export default config;
