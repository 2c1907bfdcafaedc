import { inject } from "vitest";

// Runs before each test file's imports, so lib/env.ts and lib/db.ts see the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-that-is-long-enough";
// As behind the production proxy: next-auth trusts the Host header (tests/integration/auth-cookies.test.ts).
process.env.AUTH_TRUST_HOST ??= "true";
// The public address every link is built on (lib/links.ts); tests assert links on this host.
process.env.APP_URL ??= "https://app.backcare.test";
// next.config.ts turns on forbidden() (experimental.authInterrupts); the build sets this flag for it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
