import { z } from "zod";
import { environmentSchema } from "./env-schema";

// The one place that reads process.env. Parsed once at start-up so that a missing or malformed setting fails
// loudly at boot instead of on some later request.

// `next build` imports every route to read its configuration but serves nothing and opens no connection;
// it must not need production secrets, so the build alone runs on placeholders.
const building = process.env.NEXT_PHASE === "phase-production-build";
const source = building
  ? {
      DATABASE_URL: "postgresql://build:build@localhost:5432/build",
      AUTH_SECRET: "build-time-placeholder-never-used-to-sign-anything",
      APP_URL: "http://build.invalid",
      ...process.env,
    }
  : process.env;

const parsed = environmentSchema.safeParse(source);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;
