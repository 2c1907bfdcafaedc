import { z } from "zod";

// The one place that reads process.env. Parsed once at start-up so that a missing or malformed setting fails
// loudly at boot instead of on some later request.
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
  AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters" }),
  // Behind a proxy that sets the Host header, or on `next start` without AUTH_URL, next-auth must trust it.
  AUTH_TRUST_HOST: z.stringbool().default(false),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Scales every rate limit. The end-to-end suite signs the same demo accounts in dozens of times a minute
  // from one address and raises it; leave it at 1 anywhere people use the app.
  RATE_LIMIT_MULTIPLIER: z.coerce.number().int().min(1).max(1000).default(1),
  // Invitations are emailed when this is set (smtp://user:pass@host:port), and shown on screen otherwise.
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("Backcare <no-reply@backcare.invalid>"),
});

// `next build` imports every route to read its configuration but serves nothing and opens no connection;
// it must not need production secrets, so the build alone runs on placeholders.
const building = process.env.NEXT_PHASE === "phase-production-build";
const source = building
  ? {
      DATABASE_URL: "postgresql://build:build@localhost:5432/build",
      AUTH_SECRET: "build-time-placeholder-never-used-to-sign-anything",
      ...process.env,
    }
  : process.env;

const parsed = schema.safeParse(source);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;
